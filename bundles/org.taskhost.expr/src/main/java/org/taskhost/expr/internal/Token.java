package org.taskhost.expr.internal;

/**
 * A token of an expression's source. {@code value} is the Long or Double of a NUMBER and the text of a STRING;
 * {@code prefix} is a STRING's lower-cased prefix ({@code "f"}, {@code "b"}, {@code "r"} ...).
 */
record Token(Kind kind, String text, Object value, String prefix, int line, int column) {

    enum Kind {
        NAME, NUMBER, STRING, OP, NEWLINE, END
    }

    boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of expression";
            case NEWLINE -> "end of line";
            default -> "'" + text + "'";
        };
    }
}
