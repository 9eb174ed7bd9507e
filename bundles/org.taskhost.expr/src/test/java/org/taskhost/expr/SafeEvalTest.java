package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskhost.expr.SafeEval.function;
import static org.taskhost.expr.SafeEval.safeEval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** iocmng's tests/test_safe_eval.py (26 tests), with its expected values. */
class SafeEvalTest {

    @Nested
    class Core {

        @Test
        void simpleComparison() throws Exception {
            assertThat(safeEval("x == 1", Map.of("x", 1))).isEqualTo(true);
            assertThat(safeEval("x == 1", Map.of("x", 0))).isEqualTo(false);
        }

        @Test
        void booleanAnd() throws Exception {
            assertThat(safeEval("a == 0 and b == 1", Map.of("a", 0, "b", 1))).isEqualTo(true);
            assertThat(safeEval("a == 0 and b == 1", Map.of("a", 1, "b", 1))).isEqualTo(false);
        }

        @Test
        void booleanOr() throws Exception {
            assertThat(safeEval("a == 0 or b == 0", Map.of("a", 1, "b", 0))).isEqualTo(true);
            assertThat(safeEval("a == 0 or b == 0", Map.of("a", 1, "b", 1))).isEqualTo(false);
        }

        @Test
        void notOperator() throws Exception {
            assertThat(safeEval("not x", Map.of("x", 0))).isEqualTo(true);
            assertThat(safeEval("not x", Map.of("x", 1))).isEqualTo(false);
        }

        @Test
        void greaterLess() throws Exception {
            assertThat(safeEval("x > 5", Map.of("x", 10))).isEqualTo(true);
            assertThat(safeEval("x <= 5", Map.of("x", 5))).isEqualTo(true);
            assertThat(safeEval("x < 5", Map.of("x", 5))).isEqualTo(false);
        }

        @Test
        void notEqual() throws Exception {
            assertThat(safeEval("x != 0", Map.of("x", 1))).isEqualTo(true);
            assertThat(safeEval("x != 0", Map.of("x", 0))).isEqualTo(false);
        }

        @Test
        void arithmetic() throws Exception {
            assertThat(safeEval("a + b > 10", Map.of("a", 6, "b", 7))).isEqualTo(true);
            assertThat(safeEval("a - b == 3", Map.of("a", 8, "b", 5))).isEqualTo(true);
        }

        @Test
        void parentheses() throws Exception {
            assertThat(safeEval("(a == 0 or b == 0) and c == 1", Map.of("a", 1, "b", 0, "c", 1))).isEqualTo(true);
            assertThat(safeEval("(a == 0 or b == 0) and c == 1", Map.of("a", 1, "b", 1, "c", 1))).isEqualTo(false);
        }

        @Test
        void ternary() throws Exception {
            assertThat(safeEval("1 if x > 0 else 0", Map.of("x", 5))).isEqualTo(1L);
            assertThat(safeEval("1 if x > 0 else 0", Map.of("x", -1))).isEqualTo(0L);
        }

        @Test
        void interlockCondition() throws Exception {
            Map<String, Object> readings = new HashMap<>(Map.of("chlrfd", 0, "llrf1", 1, "chlsld0", 1));
            assertThat(safeEval("chlrfd == 0 and llrf1 == 1", readings)).isEqualTo(true);
            readings.put("chlrfd", 1);
            assertThat(safeEval("chlrfd == 0 and llrf1 == 1", readings)).isEqualTo(false);
        }
    }

    /** Refused when compiled, where iocmng refused when evaluated. */
    @Nested
    class Security {

        @Test
        void unregisteredFunctionRejected() {
            assertThatThrownBy(() -> safeEval("print('hello')", Map.of()))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("not registered");
        }

        @Test
        void methodCallRejected() {
            assertThatThrownBy(() -> safeEval("x.upper()", Map.of("x", "hello")))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("Unsafe");
        }

        @Test
        void importRejected() {
            assertThatThrownBy(() -> safeEval("__import__('os')", Map.of()))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("Unsafe");
        }

        @Test
        void attributeAccessRejected() {
            assertThatThrownBy(() -> safeEval("x.__class__", Map.of("x", 1)))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("Unsafe");
        }

        @Test
        void subscriptRejected() {
            assertThatThrownBy(() -> safeEval("x[0]", Map.of("x", List.of(1, 2, 3))))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("Unsafe");
        }

        @Test
        void lambdaRejected() {
            assertThatThrownBy(() -> safeEval("(lambda: 1)()", Map.of()))
                    .isInstanceOf(InvalidExpressionException.class);
        }

        @Test
        void syntaxError() {
            assertThatThrownBy(() -> safeEval("if True:", Map.of()))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("invalid syntax");
        }

        /** iocmng: NameError at every evaluation; taskhost: refused when compiled (section 16, item 4). */
        @Test
        void undefinedVariable() {
            assertThatThrownBy(() -> safeEval("unknown_var == 1", Map.of()))
                    .isInstanceOf(InvalidExpressionException.class)
                    .hasMessage("1:1: unknown name 'unknown_var'");
        }
    }

    @Nested
    class Functions {

        @Test
        void registeredFunctionAllowed() throws Exception {
            assertThat(safeEval("abs(x)", Map.of("x", -5))).isEqualTo(5L);
        }

        @Test
        void meanFunction() throws Exception {
            assertThat(safeEval("mean(buf)", Map.of("buf", List.of(1, 2, 3, 4, 5)))).isEqualTo(3.0);
        }

        @Test
        void sqrtInExpression() throws Exception {
            assertThat(safeEval("sqrt(x) > 3", Map.of("x", 16))).isEqualTo(true);
        }

        @Test
        void nestedRegisteredFunctions() throws Exception {
            assertThat(safeEval("round(sqrt(x))", Map.of("x", 2))).isEqualTo(1L);
        }

        @Test
        void functionInCondition() throws Exception {
            assertThat(safeEval("mean(buf) > 0.5", Map.of("buf", List.of(0.1, 0.9, 0.8)))).isEqualTo(true);
        }

        @Test
        void clampFunction() throws Exception {
            assertThat(safeEval("clamp(x, 0, 10)", Map.of("x", 15))).isEqualTo(10L);
            assertThat(safeEval("clamp(x, 0, 10)", Map.of("x", -5))).isEqualTo(0L);
            assertThat(safeEval("clamp(x, 0, 10)", Map.of("x", 5))).isEqualTo(5L);
        }

        /** iocmng's extra_functions: here a function contributed to the registry. */
        @Test
        void extraFunctions() throws Exception {
            ExpressionFunction twice = function("double", x -> ((Number) x).longValue() * 2);
            assertThat(safeEval("double(x)", Map.of("x", 5), twice)).isEqualTo(10L);
        }

        @Test
        void extraFunctionUnregisteredRejected() {
            assertThatThrownBy(() -> safeEval("triple(x)", Map.of("x", 5)))
                    .isInstanceOf(InvalidExpressionException.class).hasMessageContaining("not registered");
        }
    }
}
