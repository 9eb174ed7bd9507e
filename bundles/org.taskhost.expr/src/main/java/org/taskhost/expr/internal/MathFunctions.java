package org.taskhost.expr.internal;

import static org.taskhost.expr.internal.BuiltinFunction.given;
import static org.taskhost.expr.internal.PyValues.asDouble;
import static org.taskhost.expr.internal.PyValues.asLong;
import static org.taskhost.expr.internal.PyValues.isInt;
import static org.taskhost.expr.internal.PyValues.isNumber;
import static org.taskhost.expr.internal.PyValues.typeName;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.taskhost.expr.Signature;

/** abs, round, sqrt, log, exp, pow, floor, ceil, clamp: Python's built-ins and {@code math} functions. */
final class MathFunctions {

    private MathFunctions() {
    }

    static BuiltinFunction[] all() {
        return new BuiltinFunction[] {
            new BuiltinFunction("abs", Signature.of("x").positionalOnly(), a -> abs(a[0])),
            new BuiltinFunction("round", Signature.optional(1, "number", "ndigits"), a -> Rounding.round(a[0], a[1])),
            new BuiltinFunction("sqrt", Signature.of("x").positionalOnly(), a -> sqrt(real(a[0]))),
            new BuiltinFunction("log", Signature.optional(1, "x", "base").positionalOnly(), a -> log(a[0], a[1])),
            new BuiltinFunction("exp", Signature.of("x").positionalOnly(), a -> exp(real(a[0]))),
            new BuiltinFunction("pow", Signature.optional(2, "base", "exp", "mod"), a -> Powers.pow(a[0], a[1], a[2])),
            new BuiltinFunction("floor", Signature.of("x").positionalOnly(), a -> toInt(a[0], true)),
            new BuiltinFunction("ceil", Signature.of("x").positionalOnly(), a -> toInt(a[0], false)),
            new BuiltinFunction("clamp", Signature.of("value", "low", "high"), a -> clamp(a[0], a[1], a[2])),
        };
    }

    private static Object abs(Object x) {
        if (isInt(x)) {
            long v = asLong(x);
            if (v == Long.MIN_VALUE) {
                throw PyError.overflow();
            }
            return Math.abs(v);
        }
        if (x instanceof Number n) {
            return Math.abs(n.doubleValue());
        }
        throw new PyError("bad operand type for abs(): '" + typeName(x) + "'");
    }

    /** Python's conversion of a math function's argument to float. */
    static double real(Object x) {
        if (!isNumber(x)) {
            throw new PyError("must be real number, not " + typeName(x));
        }
        return asDouble(x);
    }

    static double sqrt(double x) {
        if (x < 0) {
            throw new PyError("math domain error");
        }
        return Math.sqrt(x);
    }

    private static double log(Object x, Object base) {
        double value = ln(real(x));
        if (!given(base)) {
            return value;
        }
        double divisor = ln(real(base));
        if (divisor == 0.0) {
            throw new PyError("float division by zero");
        }
        return value / divisor;
    }

    private static double ln(double x) {
        if (x <= 0) {
            throw new PyError("math domain error");
        }
        return Math.log(x);
    }

    private static double exp(double x) {
        double r = Math.exp(x);
        if (Double.isInfinite(r) && !Double.isInfinite(x)) {
            throw new PyError("math range error");
        }
        return r;
    }

    private static long toInt(Object x, boolean floor) {
        if (isInt(x)) {
            return asLong(x);
        }
        double v = real(x);
        return PyValues.floatToInt(v, floor ? Math.floor(v) : Math.ceil(v));
    }

    /** iocmng's {@code max(low, min(high, value))} with Python's min and max: the first of equal values wins. */
    private static Object clamp(Object value, Object low, Object high) {
        Object smaller = Comparisons.compare(Comparisons.Op.LT, value, high) ? value : high;
        return Comparisons.compare(Comparisons.Op.GT, smaller, low) ? smaller : low;
    }

    /** Python's round(): half to even, on the exact binary value of a float. */
    static final class Rounding {

        private Rounding() {
        }

        static Object round(Object number, Object ndigits) {
            if (!isNumber(number)) {
                throw new PyError("type " + typeName(number) + " doesn't define __round__ method");
            }
            if (!given(ndigits) || ndigits == null) {
                if (isInt(number)) {
                    return asLong(number);
                }
                double x = asDouble(number);
                return PyValues.floatToInt(x, Math.rint(x));
            }
            if (!isInt(ndigits)) {
                throw new PyError("'" + typeName(ndigits) + "' object cannot be interpreted as an integer");
            }
            long digits = asLong(ndigits);
            if (isInt(number)) {
                long n = asLong(number);
                if (digits >= 0) {
                    return n;
                }
                if (digits < -19) {
                    return 0L;
                }
                try {
                    return new BigDecimal(n).setScale((int) digits, RoundingMode.HALF_EVEN).toBigInteger()
                            .longValueExact();
                } catch (ArithmeticException e) {
                    throw PyError.overflow();
                }
            }
            double x = asDouble(number);
            if (Double.isNaN(x) || Double.isInfinite(x) || digits > 400) {
                return x;
            }
            if (digits < -400) {
                return Math.copySign(0.0, x);
            }
            double r = new BigDecimal(x).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
            if (Double.isInfinite(r)) {
                throw new PyError("rounded value too large to represent");
            }
            return r == 0.0 ? Math.copySign(0.0, x) : r;
        }
    }
}
