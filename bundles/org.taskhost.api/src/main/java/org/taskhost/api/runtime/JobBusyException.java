package org.taskhost.api.runtime;

/** A job was asked to run while a run of it is in progress. */
public class JobBusyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message names the job */
    public JobBusyException(String message) {
        super(message);
    }
}
