package org.taskhost.devices.internal;

import java.util.Locale;

import org.taskhost.api.device.PointType;

/** Converts what users and plugins write (numbers, booleans, text) to the Java class of a point's type. */
final class PointValues {

    private PointValues() {
    }

    /**
     * @param value a value from JSON, the shell, a PV or a plugin; null stays null (relinquish)
     * @param type the point's type
     * @return the value as a Double, Long, Boolean, String or byte[]
     * @throws IllegalArgumentException saying why the value does not fit the type
     */
    static Object convert(Object value, PointType type) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case FLOAT -> toDouble(value);
            case INT -> toLong(value);
            case BOOL -> toBool(value);
            case STRING -> value instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
            case BYTES -> toBytes(value);
        };
    }

    private static Double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        try {
            return Double.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }

    private static Long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        double d = v instanceof Number n ? n.doubleValue() : toDouble(v);
        if (d != Math.rint(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("'" + v + "' is not an integer");
        }
        return (long) d;
    }

    private static Boolean toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "active" -> true;
            case "false", "off", "0", "inactive" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is not a boolean (true/false, on/off, 1/0)");
        };
    }

    private static byte[] toBytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        String hex = v.toString().replaceAll("[\\s:]", "");
        if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]*")) {
            throw new IllegalArgumentException("'" + v + "' is not hexadecimal bytes");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** @return the value for JSON and the shell: bytes as hexadecimal text, everything else as it is */
    static Object display(Object value) {
        if (value instanceof byte[] b) {
            StringBuilder s = new StringBuilder();
            for (byte x : b) {
                s.append(String.format("%02x", x));
            }
            return s.toString();
        }
        return value;
    }
}
