package org.taskhost.driver.bacnet.internal;

/**
 * The answer for one property: a value (Double, Long, Boolean, String, {@link Enumerated}, a List of these, or null
 * for BACnet NULL), or the error the device gave for this property alone.
 */
public record PropertyResult(PropertyRef ref, Object value, String error) {
    public static PropertyResult ok(PropertyRef ref, Object value) {
        return new PropertyResult(ref, value, null);
    }

    public static PropertyResult failed(PropertyRef ref, String error) {
        return new PropertyResult(ref, null, error);
    }

    public boolean isOk() {
        return error == null;
    }
}
