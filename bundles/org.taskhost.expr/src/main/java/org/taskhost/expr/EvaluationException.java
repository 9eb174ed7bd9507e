package org.taskhost.expr;

/**
 * A run-time error of an evaluation, in Python's words ({@code "division by zero"}, {@code "math domain error"},
 * {@code "unsupported operand type(s) for -: 'str' and 'int'"}), at the line and column of the operation.
 */
public final class EvaluationException extends ExpressionException {

    private static final long serialVersionUID = 1L;

    /** For a function's {@link ExpressionFunction#apply}: the evaluator adds the call's position. */
    public EvaluationException(String problem) {
        super(0, 0, problem);
    }

    public EvaluationException(int line, int column, String problem) {
        super(line, column, problem);
    }
}
