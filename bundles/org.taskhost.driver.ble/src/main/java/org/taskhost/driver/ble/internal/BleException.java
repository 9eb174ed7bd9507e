package org.taskhost.driver.ble.internal;

/** A BLE operation failed for the device as a whole (not connected, gone, no adapter); the message says why. */
final class BleException extends Exception {
    private static final long serialVersionUID = 1L;

    BleException(String message) {
        super(message);
    }

    BleException(String message, Throwable cause) {
        super(message, cause);
    }
}
