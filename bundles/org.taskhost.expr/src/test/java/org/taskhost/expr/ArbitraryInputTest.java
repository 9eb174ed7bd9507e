package org.taskhost.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Whatever text an operator types, compiling either succeeds or refuses it with an InvalidExpressionException, and
 * evaluating either gives a value or an EvaluationException: no other exception reaches the runtime's loop.
 */
class ArbitraryInputTest {

    private static final String[] PIECES = { "x", "zero", "temp", "mode", "buf", "empty", "samples", "nothing", "1",
        "0", "2.5", "-1", "1e400", "'a'", "\"\"", "True", "None", "(", ")", "[", "]", ",", "+", "-", "*", "/", "%",
        "**", "<", "<=", "==", "!=", ">", "and", "or", "not", "if", "else", "in", "is", ".", "=", "mean(", "min(",
        "max(", "round(", "pow(", "last(", "moving_avg(", "sqrt(", "log(", "clamp(", "diff(", "sum_of(", "any_of(",
        "median(", "ndigits=", "default=", "\n", " ", "#", "'", "lambda", ":", "[0]" };

    @Test
    void randomTextIsCompiledOrRefusedAndEvaluatedOrFailsCleanly() {
        Random random = new Random(18);
        int compiled = 0;
        int evaluated = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder source = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) {
                source.append(PIECES[random.nextInt(PIECES.length)]).append(random.nextBoolean() ? " " : "");
            }
            CompiledExpression expression;
            try {
                expression = SafeEval.compile(source.toString(), Evaluations.VALUES);
                compiled++;
            } catch (InvalidExpressionException e) {
                assertThat(e.line()).as(source.toString()).isPositive();
                continue;
            }
            try {
                expression.evaluate(Values.of(Evaluations.VALUES));
                evaluated++;
            } catch (EvaluationException e) {
                assertThat(e.line()).as(source.toString()).isPositive();
            }
        }
        assertThat(compiled).isGreaterThan(100);
        assertThat(evaluated).isGreaterThan(50);
    }
}
