package org.taskhost.expr.internal;

import static org.taskhost.expr.internal.BuiltinFunction.given;
import static org.taskhost.expr.internal.PyValues.asList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.taskhost.expr.Signature;

/**
 * iocmng's logic functions (any_of, all_of, count_true: truthiness of each argument) and array functions (length,
 * sum_of, diff, last, moving_avg, derivative), with iocmng's edge cases: {@code last(v, 0)} is the whole list,
 * {@code derivative} is {@code diff}.
 */
final class ListFunctions {

    private ListFunctions() {
    }

    static BuiltinFunction[] all() {
        return new BuiltinFunction[] {
            new BuiltinFunction("any_of", Signature.variadic(0), a -> count(a) > 0),
            new BuiltinFunction("all_of", Signature.variadic(0), a -> count(a) == a.length),
            new BuiltinFunction("count_true", Signature.variadic(0), a -> (long) count(a)),
            new BuiltinFunction("length", Signature.of("values"), a -> (long) asList(a[0]).size()),
            new BuiltinFunction("sum_of", Signature.of("values"), a -> Sums.sum(asList(a[0]))),
            new BuiltinFunction("diff", Signature.of("values"), a -> diff(a[0])),
            new BuiltinFunction("last", Signature.optional(1, "values", "n"), a -> last(a[0], a[1])),
            new BuiltinFunction("moving_avg", Signature.optional(1, "values", "window"),
                    a -> movingAverage(a[0], a[1])),
            new BuiltinFunction("derivative", Signature.of("values"), a -> diff(a[0])),
        };
    }

    private static int count(Object[] arguments) {
        int n = 0;
        for (Object a : arguments) {
            if (PyValues.truthy(a)) {
                n++;
            }
        }
        return n;
    }

    private static List<Object> diff(Object values) {
        List<?> vals = asList(values);
        List<Object> d = new ArrayList<>(Math.max(0, vals.size() - 1));
        for (int i = 1; i < vals.size(); i++) {
            d.add(Arithmetic.subtract(vals.get(i), vals.get(i - 1)));
        }
        return Collections.unmodifiableList(d);
    }

    /** {@code vals[-n:]}: the last n, all of them for n = 0, all but the first -n for negative n. */
    private static List<?> last(Object values, Object n) {
        List<?> vals = asList(values);
        if (!given(n)) {
            return tail(vals, 1);
        }
        Object start = Arithmetic.negate(n);
        if (!PyValues.isInt(start)) {
            throw new PyError("slice indices must be integers or None or have an __index__ method");
        }
        return tail(vals, -PyValues.asLong(start));
    }

    private static Object movingAverage(Object values, Object window) {
        List<?> vals = asList(values);
        if (given(window) && window != null) {
            vals = tail(vals, PyValues.toInt(window));
        }
        return StatisticsFunctions.mean(vals);
    }

    /** Python's {@code vals[-n:]} for an int n. */
    private static List<?> tail(List<?> vals, long n) {
        long start = -n;
        if (start < 0) {
            start = Math.max(0, start + vals.size());
        }
        start = Math.min(start, vals.size());
        return Collections.unmodifiableList(new ArrayList<>(vals.subList((int) start, vals.size())));
    }
}
