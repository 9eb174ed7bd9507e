package org.taskhost.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A job: initialized once, then executed on request (REST, its RUN PV or the shell),
 * one run at a time, each run returning a {@link JobResult}.
 */
@ConsumerType
public abstract class JobBase extends PluginBase {

    /**
     * Prepares the job; runs once when the job is installed.
     *
     * @throws Exception to mark the job FAILED; it then refuses runs until it is reinstalled
     */
    public abstract void initialize() throws Exception;

    /**
     * One run.
     *
     * @return the result; {@code null} counts as success with no data
     * @throws Exception the run fails with the exception's message
     */
    public abstract JobResult execute() throws Exception;
}
