package org.taskhost.expr.internal;

import java.util.Set;

/** Python's identifiers and keywords, as its tokenizer sees them. */
public final class Keywords {

    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield");

    private Keywords() {
    }

    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    public static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || !isIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isIdentifierStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    static boolean isIdentifierPart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
