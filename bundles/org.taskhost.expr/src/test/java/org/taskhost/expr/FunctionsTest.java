package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.taskhost.expr.SafeEval.function;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * iocmng's tests/test_functions.py (38 tests), with its expected values. iocmng calls {@code get_registry()["f"](...)};
 * here each call goes through a compiled expression {@code f(a0, a1, ...)}, as a rule would make it.
 */
class FunctionsTest {

    static Object call(String function, Object... arguments) throws ExpressionException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            values.put("a" + i, arguments[i]);
        }
        String expression = function + "(" + String.join(", ", values.keySet()) + ")";
        return SafeEval.safeEval(expression, values);
    }

    @Nested
    class Registry {

        @Test
        void getRegistryReturnsDict() {
            Map<String, ExpressionFunction> registry = new FunctionRegistry().snapshot();
            assertThat(registry).isNotEmpty();
            assertThat(registry).hasSize(25);
        }

        @Test
        void customRegister() throws Exception {
            FunctionRegistry registry = new FunctionRegistry();
            registry.register(function("_test_double", x -> ((Number) x).longValue() * 2));
            assertThat(registry.snapshot().get("_test_double").apply(new Object[] { 5L })).isEqualTo(10L);
        }

        /** Mutating the returned map must not affect the registry: here it cannot be mutated at all. */
        @Test
        void registryIsSnapshot() {
            FunctionRegistry registry = new FunctionRegistry();
            Map<String, ExpressionFunction> snapshot = registry.snapshot();
            assertThatThrownBy(() -> snapshot.put("__nope__", null)).isInstanceOf(UnsupportedOperationException.class);
            registry.register(function("later", x -> x));
            assertThat(snapshot).doesNotContainKey("later");
            assertThat(registry.snapshot()).containsKey("later").doesNotContainKey("__nope__");
        }
    }

    @Nested
    class MathFunctions {

        @Test
        void abs() throws Exception {
            assertThat(call("abs", -3)).isEqualTo(3L);
        }

        @Test
        void round() throws Exception {
            assertThat(call("round", 2.7)).isEqualTo(3L);
        }

        @Test
        void sqrt() throws Exception {
            assertThat(call("sqrt", 9)).isEqualTo(3.0);
        }

        @Test
        void log() throws Exception {
            assertThat((Double) call("log", Math.E)).isCloseTo(1.0, within(1e-12));
        }

        @Test
        void exp() throws Exception {
            assertThat(call("exp", 0)).isEqualTo(1.0);
        }

        @Test
        void pow() throws Exception {
            assertThat(call("pow", 2, 10)).isEqualTo(1024L);
        }

        @Test
        void floor() throws Exception {
            assertThat(call("floor", 2.9)).isEqualTo(2L);
        }

        @Test
        void ceil() throws Exception {
            assertThat(call("ceil", 2.1)).isEqualTo(3L);
        }

        @Test
        void clamp() throws Exception {
            assertThat(call("clamp", 5, 0, 10)).isEqualTo(5L);
            assertThat(call("clamp", -5, 0, 10)).isEqualTo(0L);
            assertThat(call("clamp", 15, 0, 10)).isEqualTo(10L);
        }
    }

    @Nested
    class Statistics {

        @Test
        void meanList() throws Exception {
            assertThat(call("mean", List.of(1, 2, 3, 4, 5))).isEqualTo(3.0);
        }

        @Test
        void meanScalar() throws Exception {
            assertThat(call("mean", 7)).isEqualTo(7.0);
        }

        @Test
        void meanEmpty() throws Exception {
            assertThat(call("mean", List.of())).isEqualTo(0.0);
        }

        @Test
        void std() throws Exception {
            assertThat((Double) call("std", List.of(2, 4, 4, 4, 5, 5, 7, 9))).isCloseTo(2.0, within(0.01));
        }

        @Test
        void stdSingle() throws Exception {
            assertThat(call("std", List.of(5))).isEqualTo(0.0);
        }

        @Test
        void variance() throws Exception {
            assertThat((Double) call("variance", List.of(2, 4, 4, 4, 5, 5, 7, 9))).isCloseTo(4.0, within(0.01));
        }

        @Test
        void medianOdd() throws Exception {
            assertThat(call("median", List.of(3, 1, 2))).isEqualTo(2L);
        }

        @Test
        void medianEven() throws Exception {
            assertThat(call("median", List.of(1, 2, 3, 4))).isEqualTo(2.5);
        }

        @Test
        void rms() throws Exception {
            assertThat((Double) call("rms", List.of(3, 4))).isCloseTo(Math.sqrt(12.5), within(1e-12));
        }

        @Test
        void minList() throws Exception {
            assertThat(call("min", List.of(5, 1, 3))).isEqualTo(1L);
        }

        @Test
        void maxList() throws Exception {
            assertThat(call("max", List.of(5, 1, 3))).isEqualTo(5L);
        }
    }

    @Nested
    class Logic {

        @Test
        void anyOfTrue() throws Exception {
            assertThat(call("any_of", 0, 0, 1)).isEqualTo(true);
        }

        @Test
        void anyOfFalse() throws Exception {
            assertThat(call("any_of", 0, 0, 0)).isEqualTo(false);
        }

        @Test
        void allOfTrue() throws Exception {
            assertThat(call("all_of", 1, 1, 1)).isEqualTo(true);
        }

        @Test
        void allOfFalse() throws Exception {
            assertThat(call("all_of", 1, 0, 1)).isEqualTo(false);
        }

        @Test
        void countTrue() throws Exception {
            assertThat(call("count_true", 1, 0, 1, 1, 0)).isEqualTo(3L);
        }
    }

    @Nested
    class Array {

        @Test
        void length() throws Exception {
            assertThat(call("length", List.of(1, 2, 3))).isEqualTo(3L);
        }

        @Test
        void lengthScalar() throws Exception {
            assertThat(call("length", 5)).isEqualTo(1L);
        }

        @Test
        void sumOf() throws Exception {
            assertThat(call("sum_of", List.of(1, 2, 3))).isEqualTo(6L);
        }

        @Test
        void diff() throws Exception {
            assertThat(call("diff", List.of(1, 3, 6, 10))).isEqualTo(List.of(2L, 3L, 4L));
        }

        @Test
        void diffEmpty() throws Exception {
            assertThat(call("diff", List.of(5))).isEqualTo(List.of());
        }

        @Test
        void last() throws Exception {
            assertThat(call("last", List.of(1, 2, 3, 4, 5), 3)).isEqualTo(List.of(3, 4, 5));
        }

        @Test
        void lastDefault() throws Exception {
            assertThat(call("last", List.of(1, 2, 3))).isEqualTo(List.of(3));
        }

        @Test
        void movingAvg() throws Exception {
            assertThat((Double) call("moving_avg", List.of(1, 2, 3, 4, 5), 3)).isCloseTo(4.0, within(1e-12));
        }

        @Test
        void movingAvgFull() throws Exception {
            assertThat((Double) call("moving_avg", List.of(1, 2, 3, 4, 5))).isCloseTo(3.0, within(1e-12));
        }

        @Test
        void derivative() throws Exception {
            assertThat(call("derivative", List.of(0, 1, 4, 9))).isEqualTo(List.of(1L, 3L, 5L));
        }
    }
}
