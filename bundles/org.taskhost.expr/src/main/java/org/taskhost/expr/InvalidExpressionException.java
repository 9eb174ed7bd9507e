package org.taskhost.expr;

/**
 * An expression refused when it is compiled: a syntax error, a construct the language does not allow, an unknown name
 * or function, a call with the wrong arguments. In iocmng's words where iocmng has them
 * ({@code "Unsafe expression — disallowed node: Subscript"}).
 */
public final class InvalidExpressionException extends ExpressionException {

    private static final long serialVersionUID = 1L;

    public InvalidExpressionException(int line, int column, String problem) {
        super(line, column, problem);
    }
}
