package org.taskhost.api.device;

/** A device operation failed: the device refused or did not answer, or it is disabled or has no driver. */
public class DeviceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for people */
    public DeviceException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, for people
     * @param cause the driver's exception
     */
    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
