package org.taskhost.runtime.internal.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.taskhost.api.Parameters;

/** Typed reads of a plugin's merged parameters; a wrong type is an error that names the key. */
public final class ParametersImpl implements Parameters {

    private final Map<String, Object> values;

    public ParametersImpl(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    @Override
    public String getString(String key, String defaultValue) {
        return has(key) ? values.get(key).toString() : defaultValue;
    }

    @Override
    public double getDouble(String key, double defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw wrong(key, "a number", v);
        }
    }

    @Override
    public long getLong(String key, long defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        Object v = values.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw wrong(key, "a whole number", v);
        }
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw wrong(key, "true or false", v);
        };
    }

    @Override
    public Map<String, Object> asMap() {
        return values;
    }

    private static IllegalArgumentException wrong(String key, String expected, Object got) {
        return new IllegalArgumentException("parameter '" + key + "' must be " + expected + ", got '" + got + "'");
    }
}
