package org.taskhost.rest.internal.answers;

/**
 * The answer of a run that was waited for.
 *
 * @param ok whether the run succeeded
 * @param result the run
 */
public record JobRunAnswer(boolean ok, JobRun result) {
}
