package org.taskhost.expr.internal;

import java.util.ArrayList;
import java.util.List;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** Splits a source into Python's tokens, tracking lines and columns (from 1); newlines inside brackets are spaces. */
final class Lexer {

    private static final String[] OPERATORS = { "**=", "//=", ">>=", "<<=", "...", "**", "//", "<<", ">>", "<=",
        ">=", "==", "!=", ":=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%",
        "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "@" };

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private Lexer(String source) {
        this.source = source;
    }

    static List<Token> tokenize(String source) throws InvalidExpressionException {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws InvalidExpressionException {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
                pos += 2;
                newLine();
            } else if (c == '\n' || c == '\r') {
                if (depth == 0) {
                    tokens.add(token(Kind.NEWLINE, "\n", null, null, pos));
                }
                pos += c == '\r' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n' ? 2 : 1;
                newLine();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < source.length()
                    && Character.isDigit(source.charAt(pos + 1)))) {
                tokens.add(NumberLexer.read(this, source, pos));
            } else if (Keywords.isIdentifierStart(c)) {
                int start = pos;
                while (pos < source.length() && Keywords.isIdentifierPart(source.charAt(pos))) {
                    pos++;
                }
                if (pos < source.length() && (source.charAt(pos) == '\'' || source.charAt(pos) == '"')
                        && StringLexer.isPrefix(source.substring(start, pos))) {
                    tokens.add(StringLexer.read(this, source, start, pos));
                } else {
                    tokens.add(token(Kind.NAME, source.substring(start, pos), null, null, start));
                }
            } else if (c == '\'' || c == '"') {
                tokens.add(StringLexer.read(this, source, pos, pos));
            } else {
                operator();
            }
        }
        tokens.add(token(Kind.END, "", null, null, pos));
    }

    private void operator() throws InvalidExpressionException {
        for (String op : OPERATORS) {
            if (source.startsWith(op, pos)) {
                if (op.equals("(") || op.equals("[") || op.equals("{")) {
                    depth++;
                } else if ((op.equals(")") || op.equals("]") || op.equals("}")) && depth > 0) {
                    depth--;
                }
                tokens.add(token(Kind.OP, op, null, null, pos));
                pos += op.length();
                return;
            }
        }
        throw error(pos, "invalid character '" + source.charAt(pos) + "' (U+"
                + String.format("%04X", (int) source.charAt(pos)) + ")");
    }

    /** Called by the string and number readers: the position after what they read, and the line breaks inside. */
    void advance(int to) {
        for (int i = pos; i < to; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        pos = to;
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    Token token(Kind kind, String text, Object value, String prefix, int at) {
        return new Token(kind, text, value, prefix, line, at - lineStart + 1);
    }

    InvalidExpressionException error(int at, String problem) {
        return new InvalidExpressionException(line, at - lineStart + 1, problem);
    }
}
