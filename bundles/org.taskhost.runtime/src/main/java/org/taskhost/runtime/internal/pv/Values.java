package org.taskhost.runtime.internal.pv;

import java.util.List;
import java.util.Locale;

import org.taskhost.api.pv.PvSpec;

/** Converts values to a PV's type: Double (float), Long (int), String, Integer (bool, enum), double[] (waveform). */
public final class Values {

    /** The longest text an EPICS string PV can carry. */
    public static final int MAX_STRING = 40;

    private Values() {
    }

    /**
     * @param spec the PV definition
     * @param value a value from a client, a plugin or config.yaml
     * @return the value as the PV's Java type
     * @throws IllegalArgumentException saying what was expected and what came
     */
    public static Object coerce(PvSpec spec, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("a value is required");
        }
        return switch (spec.type()) {
            case FLOAT -> toDouble(value);
            case INT -> toLong(value);
            case STRING -> toText(value);
            case BOOL -> toIndex(value, spec.labels(), true);
            case ENUM -> toIndex(value, spec.labels(), false);
            case WAVEFORM -> toArray(value, spec.length());
        };
    }

    /** @return the type's zero: 0.0, 0, "", 0 or an empty array */
    public static Object zero(PvSpec spec) {
        return switch (spec.type()) {
            case FLOAT -> 0.0;
            case INT -> 0L;
            case STRING -> "";
            case BOOL, ENUM -> 0;
            case WAVEFORM -> new double[0];
        };
    }

    static double toDouble(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected a number, got " + show(v));
    }

    static long toLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return (long) n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("expected a whole number, got " + show(v));
    }

    static String toText(Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            String s = v.toString();
            if (s.length() > MAX_STRING) {
                throw new IllegalArgumentException("text longer than " + MAX_STRING + " characters (" + s.length() + ")");
            }
            return s;
        }
        throw new IllegalArgumentException("expected text, got " + show(v));
    }

    static int toIndex(Object v, List<String> labels, boolean bool) {
        if (v instanceof Boolean b && bool) {
            return b ? 1 : 0;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            long i = n.longValue();
            if (i >= 0 && i < (bool ? 2 : labels.size())) {
                return (int) i;
            }
            throw new IllegalArgumentException((bool ? "expected 0 or 1" : "expected an index from 0 to " + (labels.size() - 1)) + ", got " + i);
        }
        if (v instanceof String s) {
            String t = s.trim();
            int at = labels.indexOf(t);
            if (at >= 0) {
                return at;
            }
            if (bool) {
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "0", "false", "off", "no": return 0;
                    case "1", "true", "on", "yes": return 1;
                    default: break;
                }
            } else {
                try {
                    return toIndex(Long.parseLong(t), labels, false);
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw new IllegalArgumentException("expected " + (bool ? "0, 1" : "an index") + " or one of " + labels + ", got " + show(v));
    }

    static double[] toArray(Object v, int max) {
        double[] out;
        if (v instanceof double[] d) {
            out = d.clone();
        } else if (v instanceof List<?> list) {
            out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toDouble(list.get(i));
            }
        } else if (v instanceof Number n) {
            out = new double[] {n.doubleValue()};
        } else {
            throw new IllegalArgumentException("expected a list of numbers, got " + show(v));
        }
        if (out.length > max) {
            throw new IllegalArgumentException("expected at most " + max + " elements, got " + out.length);
        }
        return out;
    }

    /** @return the value as an operator would write it */
    public static String show(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof double[] d) {
            return java.util.Arrays.toString(d);
        }
        return String.valueOf(v);
    }
}
