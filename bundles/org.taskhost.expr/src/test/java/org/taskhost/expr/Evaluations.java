package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scope with a few typical names and their values, for tests that evaluate many small expressions. */
final class Evaluations {

    static final Map<String, Object> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("x", 5);
        VALUES.put("zero", 0);
        VALUES.put("temp", 81.5f);
        VALUES.put("mode", "AUTO");
        VALUES.put("buf", List.of(1, 2, 3, 4, 5));
        VALUES.put("empty", List.of());
        VALUES.put("samples", new double[] { 1.0, 2.0, 4.0 });
        VALUES.put("nothing", null);
    }

    private Evaluations() {
    }

    static Object eval(String expression) throws ExpressionException {
        return SafeEval.safeEval(expression, VALUES);
    }

    /** Asserts the value and its Java type: 2L (int) and 2.0 (float) differ, as in Python's results. */
    static void assertEval(String expression, Object expected) throws ExpressionException {
        Object actual = eval(expression);
        assertThat(actual).as(expression).isEqualTo(expected);
        if (expected != null && !(expected instanceof List<?>)) {
            assertThat(actual).as(expression + " type").isInstanceOf(expected.getClass());
        }
    }

    static String evalError(String expression) throws InvalidExpressionException {
        CompiledExpression compiled = SafeEval.compile(expression, VALUES);
        try {
            Object result = compiled.evaluate(Values.of(VALUES));
            throw new AssertionError(expression + " gave " + result);
        } catch (EvaluationException e) {
            return e.getMessage();
        }
    }
}
