package org.taskhost.api.device;

/** How far a point's value can be trusted. */
public enum Quality {
    /** Read from the device just now, or pushed by it. */
    GOOD,
    /** A value exists but may be stale or unconfirmed (for example the last value kept while the device is down). */
    UNCERTAIN,
    /** No usable value: the reason says why. */
    BAD
}
