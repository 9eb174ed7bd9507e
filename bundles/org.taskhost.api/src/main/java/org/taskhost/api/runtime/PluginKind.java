package org.taskhost.api.runtime;

/** Whether a plugin is a task or a job. */
public enum PluginKind {
    /** extends TaskBase */
    TASK,
    /** extends JobBase */
    JOB
}
