package org.taskhost.expr.internal;

/**
 * A run-time error inside an evaluation, in Python's words; the node it passes through adds its position once, and the
 * compiled expression turns it into an EvaluationException. Unchecked so that operations need no throws clauses;
 * it never leaves the bundle.
 */
public final class PyError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private int line;
    private int column;

    public PyError(String message) {
        super(message, null, false, false);
    }

    /** @return this error, placed at the given position unless an inner node already placed it */
    PyError at(int line, int column) {
        if (this.line == 0) {
            this.line = line;
            this.column = column;
        }
        return this;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }

    static PyError overflow() {
        return new PyError("integer overflow: taskhost's integers are 64-bit (Python's are unbounded)");
    }

    static PyError tooLong(long length) {
        return new PyError("result of length " + length + " is longer than taskhost's bound of "
                + org.taskhost.expr.Expressions.MAX_LENGTH + " for strings and lists");
    }
}
