package org.taskhost.driver.ble.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.types.Variant;

/** Unwraps D-Bus property values, which dbus-java gives as arrays or lists depending on the path they took. */
final class DbusValues {
    private DbusValues() {
    }

    static Object value(Map<String, Variant<?>> properties, String name) {
        Variant<?> variant = properties.get(name);
        return variant == null ? null : variant.getValue();
    }

    /** A byte array arrives as byte[] from a method and as List<Byte> in a PropertiesChanged signal. */
    static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof List<?> list) {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).byteValue();
            }
            return out;
        }
        return new byte[0];
    }

    static List<String> strings(Object value) {
        if (value instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static boolean bool(Object value) {
        return value instanceof Boolean b && b;
    }
}
