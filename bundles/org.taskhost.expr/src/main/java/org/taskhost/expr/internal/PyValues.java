package org.taskhost.expr.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The Java value model of Python's values: null is None, Boolean bool, integral Numbers int (Long in results), other
 * Numbers float (Double in results), String str, List list and tuple. bool is an int in arithmetic, as in Python.
 */
public final class PyValues {

    private PyValues() {
    }

    public static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (isInt(v)) {
            return ((Number) v).longValue() != 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0.0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    public static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (isInt(v)) {
            return "int";
        }
        if (v instanceof Number) {
            return "float";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof List<?>) {
            return "list";
        }
        return v.getClass().getSimpleName();
    }

    /** @return whether {@code v} is an int for Python: a Boolean or an integral Number that fits in 64 bits */
    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Boolean || v instanceof Short
                || v instanceof Byte || (v instanceof BigInteger b && b.bitLength() < 64);
    }

    static boolean isNumber(Object v) {
        return v instanceof Number || v instanceof Boolean;
    }

    /** @return the int value of an {@link #isInt} value */
    static long asLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
    }

    /** @return the float value of an {@link #isNumber} value */
    static double asDouble(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
    }

    /** @return a value read from {@code Values} in the result types: Long, Double, List for arrays */
    static Object normalize(Object v) {
        if (v == null || v instanceof Long || v instanceof Double || v instanceof String || v instanceof Boolean
                || v instanceof List<?>) {
            return v;
        }
        if (isInt(v)) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Collection<?> c) {
            return Collections.unmodifiableList(new ArrayList<>(c));
        }
        if (v instanceof double[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof long[] a) {
            return Arrays.stream(a).boxed().toList();
        }
        if (v instanceof int[] a) {
            return Arrays.stream(a).asLongStream().boxed().toList();
        }
        if (v instanceof Object[] a) {
            return Collections.unmodifiableList(Arrays.asList(a));
        }
        return v;
    }

    /** iocmng's {@code _as_list}: a list stays itself, anything else (a string too) becomes a list of one. */
    static List<?> asList(Object v) {
        Object n = normalize(v);
        return n instanceof List<?> l ? l : Collections.singletonList(n);
    }

    /** Python's {@code int(x)} for a window or count argument. */
    static long toInt(Object v) {
        if (isInt(v)) {
            return asLong(v);
        }
        if (v instanceof Number n) {
            return floatToInt(n.doubleValue(), Math.floor(Math.abs(n.doubleValue())) * Math.signum(n.doubleValue()));
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new PyError("invalid literal for int() with base 10: " + repr(s));
            }
        }
        throw new PyError("int() argument must be a string or a real number, not '" + typeName(v) + "'");
    }

    /** @return {@code rounded} (an integral double made from {@code x}) as a long, with Python's errors */
    static long floatToInt(double x, double rounded) {
        if (Double.isNaN(x)) {
            throw new PyError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw new PyError("cannot convert float infinity to integer");
        }
        if (rounded >= 0x1p63 || rounded < -0x1p63) {
            throw PyError.overflow();
        }
        return (long) rounded;
    }

    static String repr(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    static void checkLength(long length) {
        if (length > org.taskhost.expr.Expressions.MAX_LENGTH) {
            throw PyError.tooLong(length);
        }
    }
}
