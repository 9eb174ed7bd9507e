package org.taskhost.expr.internal;

import java.util.List;

/**
 * Python's {@code sum()}: exact on ints (64-bit, overflow an error), and from the first float on, a float sum with
 * Neumaier's compensation as Python 3.12 does.
 */
final class Sums {

    private Sums() {
    }

    static Object sum(List<?> values) {
        long whole = 0;
        int i = 0;
        int n = values.size();
        try {
            for (; i < n; i++) {
                Object v = values.get(i);
                if (!PyValues.isInt(v)) {
                    break;
                }
                whole = Math.addExact(whole, PyValues.asLong(v));
            }
        } catch (ArithmeticException e) {
            throw PyError.overflow();
        }
        if (i == n) {
            return whole;
        }
        double total = whole;
        double compensation = 0.0;
        for (; i < n; i++) {
            Object v = values.get(i);
            if (!PyValues.isNumber(v)) {
                Object partial = whole == 0 && compensation == 0.0 && total == 0.0 ? (Object) 0L : total + compensation;
                return Arithmetic.add(partial, v);
            }
            double x = v instanceof Double d ? d : PyValues.asDouble(v);
            double t = total + x;
            if (Math.abs(total) >= Math.abs(x)) {
                compensation += (total - t) + x;
            } else {
                compensation += (x - t) + total;
            }
            total = t;
        }
        return Double.isFinite(compensation) ? total + compensation : total;
    }
}
