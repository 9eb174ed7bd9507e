package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskhost.expr.Evaluations.assertEval;
import static org.taskhost.expr.Evaluations.evalError;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Python's semantics on the Java value model: the values CPython gives for the same expressions. */
class SemanticsTest {

    @Test
    void andOrReturnAnOperandAsPythonDoes() throws Exception {
        assertEval("0 or 'x'", "x");
        assertEval("'' and 1", "");
        assertEval("zero or 5", 5L);
        assertEval("x and 'on'", "on");
        assertEval("nothing or buf", List.of(1, 2, 3, 4, 5));
        assertEval("1 and 0 or 7", 7L);
    }

    @Test
    void chainedComparisonsEvaluateTheMiddleOnce() throws Exception {
        assertEval("0 < x < 10", true);
        assertEval("0 < x < 5", false);
        assertEval("1 < 2 > 1.5", true);
        AtomicInteger calls = new AtomicInteger();
        ExpressionFunction tick = SafeEval.function("tick", v -> (long) calls.incrementAndGet());
        assertThat(SafeEval.safeEval("0 < tick(0) < 10", Map.of(), tick)).isEqualTo(true);
        assertThat(calls).hasValue(1);
        assertThat(SafeEval.safeEval("5 < tick(0) < 10", Map.of(), tick)).isEqualTo(false);
        assertThat(calls).hasValue(2);
    }

    @Test
    void onlyTheOperandsPythonWouldEvaluateAreEvaluated() throws Exception {
        assertEval("1 if x > 1 else 1 / zero", 1L);
        assertEval("zero and 1 / zero", 0L);
        assertEval("x or 1 / zero", 5L);
        assertEval("zero > 1 > 1 / zero", false);
        assertThat(evalError("1 / zero if x > 1 else 1")).isEqualTo("1:3: division by zero");
    }

    @Test
    void divisionIsTrueDivisionAndModuloIsPythons() throws Exception {
        assertEval("7 / 2", 3.5);
        assertEval("6 / 3", 2.0);
        assertEval("7 % 3", 1L);
        assertEval("-7 % 3", 2L);
        assertEval("7 % -3", -2L);
        assertEval("-7.5 % 2", 0.5);
        assertEval("5.0 % -2", -1.0);
        assertEval("True + 1", 2L);
        assertEval("-True", -1L);
        assertEval("x * 2.0", 10.0);
    }

    @Test
    void comparisonsBetweenTypesFollowPython() throws Exception {
        assertEval("1 == 1.0", true);
        assertEval("True == 1", true);
        assertEval("'1' == 1", false);
        assertEval("mode == 'AUTO'", true);
        assertEval("'a' < 'b'", true);
        assertEval("[1, 2] == [1, 2]", true);
        assertEval("(1, 2) < (1, 3)", true);
        assertEval("[1, 2] < [1, 2, 0]", true);
        assertEval("nothing == None", true);
        assertEval("9007199254740993 == 9007199254740992.0", false);
        assertEval("9007199254740992 == 9007199254740992.0", true);
        assertEval("temp > 81", true);
    }

    @Test
    void truthinessIsPythons() throws Exception {
        assertEval("not []", true);
        assertEval("not ''", true);
        assertEval("not 0.0", true);
        assertEval("not nothing", true);
        assertEval("not 'False'", false);
        assertEval("not [0]", false);
        assertEval("'yes' if buf else 'no'", "yes");
        assertEval("'yes' if empty else 'no'", "no");
    }

    @Test
    void valuesAreReadInTheResultTypes() throws Exception {
        assertEval("x", 5L);
        assertEval("temp", 81.5);
        assertEval("samples", List.of(1.0, 2.0, 4.0));
        assertEval("mean(samples)", 7.0 / 3);
        assertEval("nothing", null);
    }

    @Test
    void literalsAreParsedAsPythonDoes() throws Exception {
        assertEval("'a' \"b\"", "ab");
        assertEval("'tab\\there'", "tab\there");
        assertEval("r'\\n'", "\\n");
        assertEval("'''x'''", "x");
        assertEval("0x1F + 0o17 + 0b101 + 1_000", 1051L);
        assertEval(".5 + 1. + 1e3", 1001.5);
        assertEval("1e400", Double.POSITIVE_INFINITY);
        assertEval("()", List.of());
        assertEval("(1,)", List.of(1L));
        assertEval("[1, 'a', None, [2]]", java.util.Arrays.asList(1L, "a", null, List.of(2L)));
        assertEval("(x > 1 and # a comment\n x < 10)", true);
        assertEval("round(2.675, ndigits=2)", 2.67);
        assertEval("round(number=2.5)", 2L);
    }

    @Test
    void runtimeErrorsNameTheProblemAndItsPosition() throws Exception {
        assertThat(evalError("x + 1 / zero")).isEqualTo("1:7: division by zero");
        assertThat(evalError("x % zero")).isEqualTo("1:3: integer modulo by zero");
        assertThat(evalError("mode - 1")).isEqualTo("1:6: unsupported operand type(s) for -: 'str' and 'int'");
        assertThat(evalError("mode + 1")).isEqualTo("1:6: can only concatenate str (not \"int\") to str");
        assertThat(evalError("x > 1 and mode < 1")).isEqualTo(
                "1:16: '<' not supported between instances of 'str' and 'int'");
        assertThat(evalError("1 + sqrt(-x)")).isEqualTo("1:5: math domain error");
        assertThat(evalError("-mode")).isEqualTo("1:1: bad operand type for unary -: 'str'");
        assertThat(evalError("mode % x")).isEqualTo(
                "1:6: string formatting with % is not supported in taskhost expressions");
    }

    @Test
    void evaluationCostIsBounded() throws Exception {
        assertEval("length('ab' * 5000)", 1L);
        assertThat(evalError("'x' * 20000")).isEqualTo(
                "1:5: result of length 20000 is longer than taskhost's bound of 10000 for strings and lists");
        assertThat(evalError("[0] * 2000000000")).isEqualTo(
                "1:5: result of length 2000000000 is longer than taskhost's bound of 10000 for strings and lists");
        assertThat(evalError("[0] * 5000 + [0] * 5001")).startsWith("1:12: result of length 10001");
        assertThat(evalError("pow(10, pow(10, 9))")).isEqualTo(
                "1:1: integer overflow: taskhost's integers are 64-bit (Python's are unbounded)");
        assertThat(evalError("9223372036854775807 + 1")).isEqualTo(
                "1:21: integer overflow: taskhost's integers are 64-bit (Python's are unbounded)");
        assertEval("pow(2, 62)", 4611686018427387904L);
        assertEval("'ab' * 3", "ababab");
        assertEval("[1] * 3", List.of(1L, 1L, 1L));
        assertEval("'ab' * -1", "");
    }

    @Test
    void aCompiledExpressionTellsWhatItReads() throws Exception {
        CompiledExpression e = SafeEval.compile("mean(buf) > x or max(buf) < x", Evaluations.VALUES);
        assertThat(e.names()).containsExactly("buf", "x");
        assertThat(e.functions()).containsExactly("mean", "max");
        assertThat(e.source()).isEqualTo("mean(buf) > x or max(buf) < x");
        assertThat(e.test(Values.of(Evaluations.VALUES))).isFalse();
        assertThat(evalError("max(buf, x)")).isEqualTo("1:1: '>' not supported between instances of 'int' and 'list'");
    }
}
