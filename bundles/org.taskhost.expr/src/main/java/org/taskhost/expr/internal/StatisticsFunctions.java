package org.taskhost.expr.internal;

import static org.taskhost.expr.internal.BuiltinFunction.given;
import static org.taskhost.expr.internal.PyValues.asList;

import java.util.ArrayList;
import java.util.List;

import org.taskhost.expr.Signature;

/** mean, std, variance, median, rms (iocmng's, on {@code _as_list(v)}) and Python's min and max. */
final class StatisticsFunctions {

    private StatisticsFunctions() {
    }

    static BuiltinFunction[] all() {
        Signature extreme = Signature.variadic(1).withKeywordOnly("default");
        return new BuiltinFunction[] {
            new BuiltinFunction("mean", Signature.of("values"), a -> mean(asList(a[0]))),
            new BuiltinFunction("std", Signature.of("values"), a -> MathFunctions.sqrt((Double) variance(a[0]))),
            new BuiltinFunction("variance", Signature.of("values"), a -> variance(a[0])),
            new BuiltinFunction("median", Signature.of("values"), a -> median(a[0])),
            new BuiltinFunction("rms", Signature.of("values"), a -> rms(a[0])),
            new BuiltinFunction("min", extreme, a -> extreme("min", Comparisons.Op.LT, a)),
            new BuiltinFunction("max", extreme, a -> extreme("max", Comparisons.Op.GT, a)),
        };
    }

    /** {@code sum(vals) / len(vals)}, 0.0 for an empty list. */
    static Object mean(List<?> vals) {
        return vals.isEmpty() ? 0.0 : Arithmetic.divide(Sums.sum(vals), (long) vals.size());
    }

    private static Object variance(Object values) {
        List<?> vals = asList(values);
        if (vals.size() < 2) {
            return 0.0;
        }
        Object m = mean(vals);
        List<Object> squares = new ArrayList<>(vals.size());
        for (Object x : vals) {
            Object d = Arithmetic.subtract(x, m);
            squares.add(Arithmetic.multiply(d, d));
        }
        return Arithmetic.divide(Sums.sum(squares), (long) vals.size());
    }

    private static Object median(Object values) {
        List<Object> vals = new ArrayList<>(asList(values));
        if (vals.isEmpty()) {
            return 0.0;
        }
        try {
            vals.sort((x, y) -> Comparisons.compare(Comparisons.Op.LT, x, y) ? -1
                    : Comparisons.compare(Comparisons.Op.LT, y, x) ? 1 : 0);
        } catch (IllegalArgumentException e) {
            throw new PyError("median(): the values cannot be ordered (NaN)");
        }
        int mid = vals.size() / 2;
        if (vals.size() % 2 == 0) {
            return Arithmetic.divide(Arithmetic.add(vals.get(mid - 1), vals.get(mid)), 2.0);
        }
        return vals.get(mid);
    }

    private static Object rms(Object values) {
        List<?> vals = asList(values);
        if (vals.isEmpty()) {
            return 0.0;
        }
        List<Object> squares = new ArrayList<>(vals.size());
        for (Object x : vals) {
            squares.add(Arithmetic.multiply(x, x));
        }
        return MathFunctions.sqrt(MathFunctions.real(Arithmetic.divide(Sums.sum(squares), (long) vals.size())));
    }

    /** Python's min/max: one iterable argument or several arguments; the first of equal values wins. */
    private static Object extreme(String name, Comparisons.Op better, Object[] a) {
        Object fallback = a[0];
        int count = a.length - 1;
        List<?> candidates;
        if (count == 1) {
            candidates = iterable(a[1]);
        } else {
            if (given(fallback)) {
                throw new PyError("Cannot specify a default for " + name + "() with multiple positional arguments");
            }
            candidates = List.of(a).subList(1, a.length);
        }
        if (candidates.isEmpty()) {
            if (given(fallback)) {
                return fallback;
            }
            throw new PyError(name + "() iterable argument is empty");
        }
        Object best = candidates.get(0);
        for (int i = 1; i < candidates.size(); i++) {
            if (Comparisons.compare(better, candidates.get(i), best)) {
                best = candidates.get(i);
            }
        }
        return best;
    }

    private static List<?> iterable(Object v) {
        Object n = PyValues.normalize(v);
        if (n instanceof List<?> l) {
            return l;
        }
        if (n instanceof String s) {
            return s.codePoints().mapToObj(Character::toString).toList();
        }
        throw new PyError("'" + PyValues.typeName(n) + "' object is not iterable");
    }
}
