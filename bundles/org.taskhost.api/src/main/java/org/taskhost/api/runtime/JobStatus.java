package org.taskhost.api.runtime;

/** A job's STATUS, in iocmng's order. */
public enum JobStatus {
    /** never run */
    IDLE,
    /** a run is in progress */
    RUNNING,
    /** the last run succeeded */
    SUCCESS,
    /** the last run failed, or initialize() failed */
    FAILED
}
