package org.taskhost.driver.bacnet.internal;

/** A BACnet request that failed: the message names the device, the object or property and what went wrong. */
public class BacnetException extends Exception {
    private static final long serialVersionUID = 1L;

    public BacnetException(String message) {
        super(message);
    }

    public BacnetException(String message, Throwable cause) {
        super(message, cause);
    }
}
