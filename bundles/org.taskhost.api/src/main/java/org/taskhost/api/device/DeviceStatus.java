package org.taskhost.api.device;

/** Where a device's poll loop stands. */
public enum DeviceStatus {
    /** The device is configured but disabled: it is not polled. */
    DISABLED,
    /** No driver of the configured name is registered; the device starts when one appears. */
    NO_DRIVER,
    /** The session is being opened, or no poll has ended yet. */
    CONNECTING,
    /** The last poll succeeded (points may still be individually BAD). */
    OK,
    /** The last poll, or opening the session, failed: {@link DeviceHealth#lastError()} says why. */
    ERROR
}
