package org.taskhost.expr.internal;

import static org.taskhost.expr.internal.BuiltinFunction.given;
import static org.taskhost.expr.internal.PyValues.asDouble;
import static org.taskhost.expr.internal.PyValues.asLong;
import static org.taskhost.expr.internal.PyValues.isInt;
import static org.taskhost.expr.internal.PyValues.isNumber;
import static org.taskhost.expr.internal.PyValues.typeName;

import java.math.BigInteger;

/**
 * Python's pow(base, exp, mod), bounded: an int result must fit in 64 bits (at most 63 squarings), and a negative
 * base to a fractional power is an error instead of Python's complex number.
 */
final class Powers {

    private Powers() {
    }

    static Object pow(Object base, Object exp, Object mod) {
        if (!isNumber(base) || !isNumber(exp)) {
            throw new PyError("unsupported operand type(s) for ** or pow(): '" + typeName(base) + "' and '"
                    + typeName(exp) + "'");
        }
        if (given(mod) && mod != null) {
            return modular(base, exp, mod);
        }
        if (isInt(base) && isInt(exp) && asLong(exp) >= 0) {
            return integer(asLong(base), asLong(exp));
        }
        double x = asDouble(base);
        double y = asDouble(exp);
        if (x == 0.0 && y < 0) {
            throw new PyError("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y) && Double.isFinite(y)) {
            throw new PyError("a negative number to a fractional power is a complex number, which taskhost does"
                    + " not support");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && Double.isFinite(x) && Double.isFinite(y)) {
            throw new PyError("(34, 'Numerical result out of range')");
        }
        return r;
    }

    private static long integer(long base, long exp) {
        long result = 1;
        long square = base;
        try {
            while (exp > 0) {
                if ((exp & 1) == 1) {
                    result = Math.multiplyExact(result, square);
                }
                exp >>= 1;
                if (exp > 0) {
                    square = Math.multiplyExact(square, square);
                }
            }
        } catch (ArithmeticException e) {
            throw PyError.overflow();
        }
        return result;
    }

    private static long modular(Object base, Object exp, Object mod) {
        if (!isInt(base) || !isInt(exp) || !isInt(mod)) {
            throw new PyError("pow() 3rd argument not allowed unless all arguments are integers");
        }
        long m = asLong(mod);
        if (m == 0) {
            throw new PyError("pow() 3rd argument cannot be 0");
        }
        BigInteger modulus = BigInteger.valueOf(m).abs();
        BigInteger r;
        try {
            r = BigInteger.valueOf(asLong(base)).modPow(BigInteger.valueOf(asLong(exp)), modulus);
        } catch (ArithmeticException e) {
            throw new PyError("base is not invertible for the given modulus");
        }
        if (m < 0 && r.signum() != 0) {
            r = r.add(BigInteger.valueOf(m));
        }
        return r.longValue();
    }
}
