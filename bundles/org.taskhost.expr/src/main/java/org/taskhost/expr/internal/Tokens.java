package org.taskhost.expr.internal;

import java.util.List;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** A cursor over the tokens, with Python's "invalid syntax" errors. */
final class Tokens {

    private final List<Token> tokens;
    private int at;

    Tokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) {
            at++;
        }
        return t;
    }

    void expect(String op, String problem) throws InvalidExpressionException {
        Token t = peek();
        if (!t.is(op) || t.kind() == Kind.STRING) {
            throw new InvalidExpressionException(t.line(), t.column(), "invalid syntax: " + problem + ", found "
                    + t.describe());
        }
        next();
    }

    /** Expects the bracket that closes {@code open}; Python's "'(' was never closed" at the end of the source. */
    void close(Token open, String close, String problem) throws InvalidExpressionException {
        if (peek().kind() == Kind.END) {
            throw new InvalidExpressionException(open.line(), open.column(), "invalid syntax: '" + open.text()
                    + "' was never closed");
        }
        expect(close, problem);
    }

    void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            next();
        }
    }

    InvalidExpressionException syntax(Token t) {
        String problem = switch (t.kind()) {
            case END -> "invalid syntax: unexpected end of expression";
            case NEWLINE -> "invalid syntax: a new line inside an expression (wrap it in parentheses)";
            default -> "invalid syntax at " + t.describe();
        };
        return new InvalidExpressionException(t.line(), t.column(), problem);
    }
}
