package org.taskhost.expr.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.taskhost.expr.ExpressionFunction;

/** iocmng's 25 built-in functions ({@code core/functions.py}), in its groups: math, statistics, logic, array. */
public final class Builtins {

    private Builtins() {
    }

    public static Map<String, ExpressionFunction> all() {
        Map<String, ExpressionFunction> all = new LinkedHashMap<>();
        Stream.of(MathFunctions.all(), StatisticsFunctions.all(), ListFunctions.all()).flatMap(Stream::of)
                .forEach(f -> all.put(f.name(), f));
        return java.util.Collections.unmodifiableMap(all);
    }
}
