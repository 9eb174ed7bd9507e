package org.taskhost.api.pv;

/** A client's put was refused before it reached the plugin: read-only PV, wrong type, or out of the drive limits. */
public class PutRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, naming the PV */
    public PutRejectedException(String message) {
        super(message);
    }
}
