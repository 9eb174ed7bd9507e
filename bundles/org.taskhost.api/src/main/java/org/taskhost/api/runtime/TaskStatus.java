package org.taskhost.api.runtime;

/** A task's STATUS, in iocmng's order so that existing Phoebus screens keep their meaning. */
public enum TaskStatus {
    /** initializing, or ready for a trigger */
    INIT,
    /** running */
    RUN,
    /** ENABLE is 0 */
    PAUSED,
    /** a triggered run completed, or the task stopped */
    END,
    /** initialize() or the last execute() failed */
    ERROR
}
