package org.taskhost.api.device;

/** The type of a point's value, and the Java class its values have. */
public enum PointType {
    /** A floating point number: {@link Double}. */
    FLOAT,
    /** An integer (BACnet unsigned, enumerated, multi-state): {@link Long}. */
    INT,
    /** On or off (BACnet binary): {@link Boolean}. */
    BOOL,
    /** Text: {@link String}. */
    STRING,
    /** Raw bytes that the driver does not decode: {@code byte[]}. */
    BYTES;

    /**
     * @param text a type name as written in a configuration, any case ({@code float}, {@code int}, ...)
     * @return the type
     * @throws IllegalArgumentException if no type has that name
     */
    public static PointType parse(String text) {
        for (PointType t : values()) {
            if (t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown point type '" + text + "' (float, int, bool, string, bytes)");
    }

    /** @return the name as written in configurations, lower case */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
