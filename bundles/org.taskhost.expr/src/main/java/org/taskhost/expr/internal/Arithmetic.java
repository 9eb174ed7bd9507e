package org.taskhost.expr.internal;

import static org.taskhost.expr.internal.PyValues.asDouble;
import static org.taskhost.expr.internal.PyValues.asLong;
import static org.taskhost.expr.internal.PyValues.isInt;
import static org.taskhost.expr.internal.PyValues.isNumber;
import static org.taskhost.expr.internal.PyValues.typeName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Python's + - * / % and unary - +, on 64-bit ints (overflow is an error) and with bounded string and list growth. */
final class Arithmetic {

    private Arithmetic() {
    }

    static Object add(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                try {
                    return Math.addExact(asLong(a), asLong(b));
                } catch (ArithmeticException e) {
                    throw PyError.overflow();
                }
            }
            return asDouble(a) + asDouble(b);
        }
        if (a instanceof String s && b instanceof String t) {
            PyValues.checkLength((long) s.length() + t.length());
            return s + t;
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            PyValues.checkLength((long) l.size() + m.size());
            List<Object> sum = new ArrayList<>(l);
            sum.addAll(m);
            return Collections.unmodifiableList(sum);
        }
        if (a instanceof String || a instanceof List<?>) {
            throw new PyError("can only concatenate " + typeName(a) + " (not \"" + typeName(b) + "\") to " + typeName(a));
        }
        throw unsupported("+", a, b);
    }

    static Object subtract(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                try {
                    return Math.subtractExact(asLong(a), asLong(b));
                } catch (ArithmeticException e) {
                    throw PyError.overflow();
                }
            }
            return asDouble(a) - asDouble(b);
        }
        throw unsupported("-", a, b);
    }

    static Object multiply(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                try {
                    return Math.multiplyExact(asLong(a), asLong(b));
                } catch (ArithmeticException e) {
                    throw PyError.overflow();
                }
            }
            return asDouble(a) * asDouble(b);
        }
        if ((a instanceof String || a instanceof List<?>) && isNumber(b)) {
            return repeat(a, b);
        }
        if ((b instanceof String || b instanceof List<?>) && isNumber(a)) {
            return repeat(b, a);
        }
        throw unsupported("*", a, b);
    }

    private static Object repeat(Object sequence, Object times) {
        if (!isInt(times)) {
            throw new PyError("can't multiply sequence by non-int of type '" + typeName(times) + "'");
        }
        long n = Math.max(0, asLong(times));
        if (sequence instanceof String s) {
            PyValues.checkLength(repeatedLength(s.length(), n));
            return s.repeat((int) n);
        }
        List<?> l = (List<?>) sequence;
        PyValues.checkLength(repeatedLength(l.size(), n));
        List<Object> repeated = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            repeated.addAll(l);
        }
        return Collections.unmodifiableList(repeated);
    }

    private static long repeatedLength(int length, long times) {
        return length == 0 ? 0 : times > Integer.MAX_VALUE ? Long.MAX_VALUE : length * times;
    }

    static Object divide(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            double divisor = asDouble(b);
            if (divisor == 0.0) {
                throw new PyError("division by zero");
            }
            return asDouble(a) / divisor;
        }
        throw unsupported("/", a, b);
    }

    static Object modulo(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (isInt(a) && isInt(b)) {
                long divisor = asLong(b);
                if (divisor == 0) {
                    throw new PyError("integer modulo by zero");
                }
                return Math.floorMod(asLong(a), divisor);
            }
            double x = asDouble(a);
            double y = asDouble(b);
            if (y == 0.0) {
                throw new PyError("float modulo by zero");
            }
            double mod = x % y;
            if (mod != 0.0) {
                return (y < 0) != (mod < 0) ? mod + y : mod;
            }
            return Math.copySign(0.0, y);
        }
        if (a instanceof String) {
            throw new PyError("string formatting with % is not supported in taskhost expressions");
        }
        throw unsupported("%", a, b);
    }

    static Object negate(Object a) {
        if (isInt(a)) {
            try {
                return Math.negateExact(asLong(a));
            } catch (ArithmeticException e) {
                throw PyError.overflow();
            }
        }
        if (a instanceof Number n) {
            return -n.doubleValue();
        }
        throw new PyError("bad operand type for unary -: '" + typeName(a) + "'");
    }

    static Object plus(Object a) {
        if (isInt(a)) {
            return asLong(a);
        }
        if (a instanceof Number n) {
            return n.doubleValue();
        }
        throw new PyError("bad operand type for unary +: '" + typeName(a) + "'");
    }

    private static PyError unsupported(String op, Object a, Object b) {
        return new PyError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }
}
