package org.taskhost.expr;

/**
 * A problem with an expression, at a line and column of its source (both from 1; 0 when no position applies). The
 * message is {@code "line:column: problem"}, for example {@code "1:14: unknown name 'temp_bufx'"}; a caller prefixes
 * its own field path ({@code "rules[2].condition: "}).
 */
public abstract class ExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;

    protected ExpressionException(int line, int column, String problem) {
        super(line > 0 ? line + ":" + column + ": " + problem : problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** @return the line of the problem, from 1; 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the column of the problem, from 1; 0 when unknown */
    public int column() {
        return column;
    }

    /** @return the problem without its position */
    public String problem() {
        return problem;
    }
}
