package org.taskhost.expr.internal;

import java.util.Set;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** Python's string literals: '...', "...", triple-quoted, with escapes, raw ({@code r''}); prefixes kept for the parser. */
final class StringLexer {

    private static final Set<String> PREFIXES = Set.of("r", "u", "b", "br", "rb", "f", "fr", "rf");

    private StringLexer() {
    }

    static boolean isPrefix(String word) {
        return PREFIXES.contains(word.toLowerCase());
    }

    static Token read(Lexer lexer, String s, int start, int quoteAt) throws InvalidExpressionException {
        String prefix = s.substring(start, quoteAt).toLowerCase();
        boolean raw = prefix.contains("r");
        char quote = s.charAt(quoteAt);
        boolean triple = s.startsWith(String.valueOf(quote).repeat(3), quoteAt);
        int i = quoteAt + (triple ? 3 : 1);
        StringBuilder text = new StringBuilder();
        while (true) {
            if (i >= s.length() || (!triple && s.charAt(i) == '\n')) {
                throw lexer.error(start, "invalid syntax: unterminated string literal");
            }
            char c = s.charAt(i);
            if (c == quote && (!triple || s.startsWith(String.valueOf(quote).repeat(3), i))) {
                i += triple ? 3 : 1;
                break;
            }
            if (c == '\\' && i + 1 < s.length()) {
                i = raw ? rawEscape(s, i, text) : escape(lexer, s, i, text);
            } else {
                text.append(c);
                i++;
            }
        }
        Token token = lexer.token(Kind.STRING, s.substring(start, i), text.toString(), prefix, start);
        lexer.advance(i);
        return token;
    }

    private static int rawEscape(String s, int i, StringBuilder text) {
        text.append(s, i, i + 2);
        return i + 2;
    }

    private static int escape(Lexer lexer, String s, int i, StringBuilder text) throws InvalidExpressionException {
        char e = s.charAt(i + 1);
        switch (e) {
            case '\n' -> { }
            case '\\', '\'', '"' -> text.append(e);
            case 'n' -> text.append('\n');
            case 't' -> text.append('\t');
            case 'r' -> text.append('\r');
            case 'a' -> text.append('\u0007');
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'v' -> text.append('\u000B');
            case 'x' -> {
                return hex(lexer, s, i, 2, text);
            }
            case 'u' -> {
                return hex(lexer, s, i, 4, text);
            }
            case 'U' -> {
                return hex(lexer, s, i, 8, text);
            }
            default -> {
                if (e >= '0' && e <= '7') {
                    int j = i + 1;
                    while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        j++;
                    }
                    text.appendCodePoint(Integer.parseInt(s.substring(i + 1, j), 8));
                    return j;
                }
                text.append('\\').append(e);
            }
        }
        return i + 2;
    }

    private static int hex(Lexer lexer, String s, int i, int digits, StringBuilder text)
            throws InvalidExpressionException {
        int end = i + 2 + digits;
        try {
            text.appendCodePoint(Integer.parseInt(s.substring(i + 2, end), 16));
        } catch (RuntimeException ex) {
            throw lexer.error(i, "invalid syntax: truncated \\" + s.charAt(i + 1) + " escape");
        }
        return end;
    }
}
