package org.taskhost.expr.internal;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** Python's number literals: 10, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 1., 1e-3; complex ({@code 2j}) is refused. */
final class NumberLexer {

    private NumberLexer() {
    }

    static Token read(Lexer lexer, String s, int start) throws InvalidExpressionException {
        int i = start;
        int radix = 10;
        boolean isFloat = false;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
        } else if (s.startsWith("0o", i) || s.startsWith("0O", i)) {
            radix = 8;
        } else if (s.startsWith("0b", i) || s.startsWith("0B", i)) {
            radix = 2;
        }
        if (radix != 10) {
            i += 2;
            while (i < s.length() && (Character.digit(s.charAt(i), radix) >= 0 || s.charAt(i) == '_')) {
                i++;
            }
        } else {
            i = digits(s, i);
            if (i < s.length() && s.charAt(i) == '.') {
                isFloat = true;
                i = digits(s, i + 1);
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < s.length() && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                    j++;
                }
                if (j < s.length() && Character.isDigit(s.charAt(j))) {
                    isFloat = true;
                    i = digits(s, j);
                }
            }
        }
        String text = s.substring(start, i);
        if (i < s.length() && (s.charAt(i) == 'j' || s.charAt(i) == 'J')) {
            throw lexer.error(start, "complex numbers are not supported: '" + text + s.charAt(i) + "'");
        }
        if (i < s.length() && Keywords.isIdentifierPart(s.charAt(i))) {
            throw lexer.error(start, "invalid syntax: invalid " + (radix == 10 ? "decimal" : "number") + " literal '"
                    + s.substring(start, i + 1) + "'");
        }
        String digits = text.replace("_", "");
        if (text.endsWith("_") || text.contains("__") || (radix != 10 && digits.length() == 2)) {
            throw lexer.error(start, "invalid syntax: invalid number literal '" + text + "'");
        }
        Object value;
        if (isFloat) {
            value = Double.parseDouble(digits);
        } else {
            if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0' && !digits.matches("0+")) {
                throw lexer.error(start, "invalid syntax: leading zeros in decimal integer literals are not permitted;"
                        + " use an 0o prefix for octal integers");
            }
            try {
                value = Long.parseLong(radix == 10 ? digits : digits.substring(2), radix);
            } catch (NumberFormatException e) {
                throw lexer.error(start, "integer literal " + text + " does not fit in taskhost's 64-bit integers");
            }
        }
        Token token = lexer.token(Kind.NUMBER, text, value, null, start);
        lexer.advance(i);
        return token;
    }

    private static int digits(String s, int i) {
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i;
    }
}
