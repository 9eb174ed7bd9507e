package org.taskhost.expr;

import org.taskhost.expr.internal.Parser;
import org.taskhost.expr.internal.PyValues;

/** Compiles expressions; Python's truthiness and type names for callers that handle results. */
public final class Expressions {

    /**
     * The longest string or list one step of an evaluation may build (by {@code +} or {@code *}, or a function), and
     * the longest source accepted: what bounds the cost of an evaluation together with 64-bit integers.
     */
    public static final int MAX_LENGTH = 10_000;

    /** How deeply parentheses, calls and operators may nest. */
    public static final int MAX_DEPTH = 100;

    private Expressions() {
    }

    /**
     * @param source the expression, as written in config.yaml
     * @throws InvalidExpressionException when the expression is not valid in {@code scope}, naming line and column
     */
    public static CompiledExpression compile(String source, Scope scope) throws InvalidExpressionException {
        return Parser.compile(source, scope);
    }

    /** @return Python's truthiness: None, False, 0, 0.0, "" and an empty list are false, anything else true */
    public static boolean truthy(Object value) {
        return PyValues.truthy(value);
    }

    /** @return Python's name for the type of {@code value}: NoneType, bool, int, float, str, list */
    public static String typeName(Object value) {
        return PyValues.typeName(value);
    }
}
