package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskhost.expr.Evaluations.assertEval;
import static org.taskhost.expr.Evaluations.evalError;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The built-ins' edge cases as iocmng 2.7.9 has them (shared document, section 5), with CPython's values. */
class BuiltinEdgeCasesTest {

    @Test
    void roundIsHalfToEvenOnTheExactValue() throws Exception {
        assertEval("round(2.5)", 2L);
        assertEval("round(0.5)", 0L);
        assertEval("round(1.5)", 2L);
        assertEval("round(-0.5)", 0L);
        assertEval("round(2.675, 2)", 2.67);
        assertEval("round(2.5, 0)", 2.0);
        assertEval("round(1250, -2)", 1200L);
        assertEval("round(1350, -2)", 1400L);
        assertEval("round(True)", 1L);
        assertEval("round(x, 3)", 5L);
        assertThat(evalError("round(1e400)")).isEqualTo("1:1: cannot convert float infinity to integer");
        assertThat(evalError("round(mode)")).isEqualTo("1:1: type str doesn't define __round__ method");
        assertThat(evalError("round(2.5, 1.0)")).isEqualTo("1:1: 'float' object cannot be interpreted as an integer");
    }

    @Test
    void lastTakesIocmngsSlice() throws Exception {
        assertEval("last(buf, 0)", List.of(1, 2, 3, 4, 5));
        assertEval("last(buf, -2)", List.of(3, 4, 5));
        assertEval("last(buf, 10)", List.of(1, 2, 3, 4, 5));
        assertEval("last(empty, 3)", List.of());
        assertEval("last(x)", List.of(5L));
        assertEval("mean(last(buf))", 5.0);
        assertThat(evalError("last(buf, 1.5)")).isEqualTo(
                "1:1: slice indices must be integers or None or have an __index__ method");
    }

    @Test
    void movingAvgTakesTheSameSlice() throws Exception {
        assertEval("moving_avg(buf, 0)", 3.0);
        assertEval("moving_avg(buf, 2)", 4.5);
        assertEval("moving_avg(buf, 2.9)", 4.5);
        assertEval("moving_avg(buf, window=None)", 3.0);
        assertEval("moving_avg(empty, 3)", 0.0);
    }

    @Test
    void minAndMaxAreTheBuiltInsWithTheirErrors() throws Exception {
        assertEval("min(3, 1, 2)", 1L);
        assertEval("max(3, 1.5)", 3L);
        assertEval("min('bca')", "a");
        assertEval("min(empty, default=None)", null);
        assertEval("max(empty, default=-1)", -1L);
        assertThat(evalError("max(empty)")).isEqualTo("1:1: max() iterable argument is empty");
        assertThat(evalError("min(x)")).isEqualTo("1:1: 'int' object is not iterable");
        assertThat(evalError("min(1, 2, default=0)")).isEqualTo(
                "1:1: Cannot specify a default for min() with multiple positional arguments");
    }

    @Test
    void logicFunctionsTestEachArgumentNotEachElement() throws Exception {
        assertEval("any_of([0, 0])", true);
        assertEval("any_of(empty)", false);
        assertEval("all_of()", true);
        assertEval("any_of()", false);
        assertEval("count_true()", 0L);
        assertEval("count_true(x > 1, zero, mode, empty)", 2L);
    }

    @Test
    void arrayFunctionsOnScalarsAndEmptyLists() throws Exception {
        assertEval("length(mode)", 1L);
        assertEval("length(empty)", 0L);
        assertEval("sum_of(empty)", 0L);
        assertEval("sum_of(x)", 5L);
        assertEval("sum_of([True, True])", 2L);
        assertEval("sum_of([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1])", 1.0);
        assertEval("diff(empty)", List.of());
        assertEval("derivative([1.0, 4.0, 9.0])", List.of(3.0, 5.0));
        assertThat(evalError("sum_of(['a'])")).isEqualTo("1:1: unsupported operand type(s) for +: 'int' and 'str'");
    }

    @Test
    void statisticsOnEmptyAndShortLists() throws Exception {
        assertEval("median(empty)", 0.0);
        assertEval("median([3, 1, 2])", 2L);
        assertEval("median([1, 2])", 1.5);
        assertEval("std(empty)", 0.0);
        assertEval("variance([1])", 0.0);
        assertEval("rms(empty)", 0.0);
        assertEval("mean(mode == 'AUTO')", 1.0);
        assertThat(evalError("mean(['a'])")).isEqualTo("1:1: unsupported operand type(s) for +: 'int' and 'str'");
    }

    @Test
    void mathFunctionsRaiseWherePythonRaises() throws Exception {
        assertEval("clamp(5, 10, 0)", 10L);
        assertEval("clamp(2.5, 0, 10)", 2.5);
        assertEval("pow(2, -1)", 0.5);
        assertEval("pow(2.0, 3)", 8.0);
        assertEval("pow(2, 3, 5)", 3L);
        assertEval("pow(3, -1, 7)", 5L);
        assertEval("pow(2, 3, -5)", -2L);
        assertEval("floor(-2.5)", -3L);
        assertEval("ceil(-2.5)", -2L);
        assertEval("abs(-2.5)", 2.5);
        assertEval("log(8, 2)", 3.0);
        assertEval("exp(0)", 1.0);
        assertThat(evalError("pow(0, -1)")).isEqualTo("1:1: 0.0 cannot be raised to a negative power");
        assertThat(evalError("pow(-8, 1 / 3)")).isEqualTo(
                "1:1: a negative number to a fractional power is a complex number, which taskhost does not support");
        assertThat(evalError("pow(2.5, 2, 3)")).isEqualTo(
                "1:1: pow() 3rd argument not allowed unless all arguments are integers");
        assertThat(evalError("pow(10.0, 400)")).isEqualTo("1:1: (34, 'Numerical result out of range')");
        assertThat(evalError("exp(1000)")).isEqualTo("1:1: math range error");
        assertThat(evalError("log(zero)")).isEqualTo("1:1: math domain error");
        assertThat(evalError("log(x, 1)")).isEqualTo("1:1: float division by zero");
        assertThat(evalError("floor(1e400)")).isEqualTo("1:1: cannot convert float infinity to integer");
        assertThat(evalError("abs(mode)")).isEqualTo("1:1: bad operand type for abs(): 'str'");
        assertThat(evalError("sqrt(mode)")).isEqualTo("1:1: must be real number, not str");
    }

    @Test
    void aContributedFunctionNeverReplacesABuiltinOrAnotherContribution() {
        FunctionRegistry registry = new FunctionRegistry();
        assertThatThrownBy(() -> registry.register(SafeEval.function("abs", v -> v)))
                .hasMessage("function 'abs' is a built-in and cannot be replaced");
        ExpressionFunction first = SafeEval.function("scale", v -> v);
        registry.register(first);
        registry.register(first);
        assertThatThrownBy(() -> registry.register(SafeEval.function("scale", v -> v)))
                .hasMessageStartingWith("function 'scale' is already contributed by ");
        assertThatThrownBy(() -> registry.register(SafeEval.function("not", v -> v)))
                .hasMessage("function name 'not' is not a Python identifier");
        assertThat(registry.unregister(SafeEval.function("scale", v -> v))).isFalse();
        assertThat(registry.unregister(first)).isTrue();
        assertThat(registry.contributedNames()).isEmpty();
        assertThat(FunctionRegistry.builtins()).hasSize(25).containsKeys("abs", "round", "sqrt", "log", "exp", "pow",
                "floor", "ceil", "clamp", "mean", "std", "variance", "median", "rms", "min", "max", "any_of", "all_of",
                "count_true", "length", "sum_of", "diff", "last", "moving_avg", "derivative");
    }

    @Test
    void aContributedFunctionsFailureIsAnEvaluationErrorAtTheCall() throws Exception {
        ExpressionFunction broken = SafeEval.function("broken", v -> {
            throw new IllegalStateException("no device");
        });
        CompiledExpression e = SafeEval.compile("1 + broken(x)", java.util.Map.of("x", 1), broken);
        assertThatThrownBy(() -> e.evaluate(Values.of(java.util.Map.of("x", 1))))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("1:5: broken() failed: java.lang.IllegalStateException: no device");
    }
}
