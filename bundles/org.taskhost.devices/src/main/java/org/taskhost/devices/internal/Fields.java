package org.taskhost.devices.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.taskhost.api.device.DeviceProblem;

/**
 * Reads the fields of one JSON object (a device or a point) and collects a problem, named by its path, for every
 * field that is missing, of the wrong type, out of range or unknown. Numbers and booleans may also come as text, as
 * they do from a {@code .cfg} file.
 */
final class Fields {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, Object> object;
    private final String prefix;
    private final List<DeviceProblem> problems;

    Fields(Map<String, Object> object, String prefix, List<DeviceProblem> problems) {
        this.object = object;
        this.prefix = prefix;
        this.problems = problems;
    }

    void problem(String field, String message) {
        problems.add(new DeviceProblem(prefix + field, message));
    }

    void onlyKnown(Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                problem(key, "unknown field (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    String id(String field) {
        Object v = object.get(field);
        if (v == null || v.toString().isBlank()) {
            problem(field, "is required");
            return null;
        }
        if (!(v instanceof String s) || !ID.matcher(s).matches()) {
            problem(field, "'" + v + "' must be 1-64 letters, digits, '_', '.' or '-'");
            return null;
        }
        return s;
    }

    String text(String field, String fallback, boolean required) {
        Object v = object.get(field);
        if (v == null) {
            if (required) {
                problem(field, "is required");
            }
            return fallback;
        }
        if (!(v instanceof String s)) {
            problem(field, "must be text");
            return fallback;
        }
        if (required && s.isBlank()) {
            problem(field, "must not be empty");
        }
        return s;
    }

    double number(String field, double fallback, double min, double max) {
        Object v = object.get(field);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            problem(field, "'" + v + "' is not a number");
            return fallback;
        }
        if (!(d >= min && d <= max)) {
            problem(field, d + " is out of range " + min + "-" + max);
            return fallback;
        }
        return d;
    }

    Integer integer(String field, Integer fallback, int min, int max) {
        Object v = object.get(field);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            double d = v instanceof Number x ? x.doubleValue() : Double.parseDouble(v.toString().trim());
            if (d != Math.rint(d)) {
                throw new NumberFormatException();
            }
            n = (long) d;
        } catch (NumberFormatException e) {
            problem(field, "'" + v + "' is not an integer");
            return fallback;
        }
        if (n < min || n > max) {
            problem(field, n + " is out of range " + min + "-" + max);
            return fallback;
        }
        return (int) n;
    }

    boolean bool(String field, boolean fallback) {
        Object v = object.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(v.toString().trim()) || "false".equalsIgnoreCase(v.toString().trim())) {
            return Boolean.parseBoolean(v.toString().trim());
        }
        problem(field, "'" + v + "' is not true or false");
        return fallback;
    }

    /** Driver options: an object whose values are text, numbers or booleans, kept as text. */
    Map<String, String> options(String field) {
        Object v = object.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problem(field, "must be an object of names and values");
            return out;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object value = e.getValue();
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                out.put(e.getKey().toString(), value.toString());
            } else {
                problem(field + "." + e.getKey(), "must be text, a number or a boolean");
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String field) {
        Object v = object.get(field);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            problem(field, "must be a list");
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            } else {
                problem(field + "[" + i + "]", "must be an object");
                out.add(null);
            }
        }
        return out;
    }

    Object raw(String field) {
        return object.get(field);
    }
}
