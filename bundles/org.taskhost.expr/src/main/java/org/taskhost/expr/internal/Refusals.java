package org.taskhost.expr.internal;

import java.util.Map;

import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.internal.Token.Kind;

/** The constructs iocmng's whitelist refuses, in its words ("Unsafe expression — disallowed node: Pow"). */
final class Refusals {

    /** Operators that parse in Python but are not in the whitelist, with the node name iocmng reports. */
    static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("**", "Pow"), Map.entry("//", "FloorDiv"),
            Map.entry("@", "MatMult"), Map.entry("&", "BitAnd"), Map.entry("|", "BitOr"), Map.entry("^", "BitXor"),
            Map.entry("<<", "LShift"), Map.entry(">>", "RShift"), Map.entry("~", "Invert"));

    private static final Map<String, String> HINTS = Map.of("Pow", "use pow(x, y)", "FloorDiv", "use floor(x / y)",
            "Subscript", "use last(x, n) or a function of the whole list", "Attribute", "no attribute access");

    private Refusals() {
    }

    static InvalidExpressionException unsafe(Token at, String node, String detail) {
        String hint = detail != null ? detail : HINTS.get(node);
        return new InvalidExpressionException(at.line(), at.column(), "Unsafe expression — disallowed node: " + node
                + (hint == null ? "" : " (" + hint + ")"));
    }

    static InvalidExpressionException unsupported(Token at, String problem) {
        return new InvalidExpressionException(at.line(), at.column(), "Unsafe expression — " + problem);
    }

    /** @return the comparison at the cursor, null when there is none; refuses in, not in, is, is not */
    static Comparisons.Op comparison(Tokens in) throws InvalidExpressionException {
        Token t = in.peek();
        if (t.kind() == Kind.STRING) {
            return null;
        }
        if (t.is("in")) {
            throw unsafe(t, "In", "no membership tests");
        }
        if (t.is("not") && in.peek(1).is("in")) {
            throw unsafe(t, "NotIn", "no membership tests");
        }
        if (t.is("is")) {
            throw in.peek(1).is("not") ? unsafe(t, "IsNot", "use !=") : unsafe(t, "Is", "use ==");
        }
        return switch (t.kind() == Kind.OP ? t.text() : "") {
            case "==" -> Comparisons.Op.EQ;
            case "!=" -> Comparisons.Op.NE;
            case "<" -> Comparisons.Op.LT;
            case "<=" -> Comparisons.Op.LE;
            case ">" -> Comparisons.Op.GT;
            case ">=" -> Comparisons.Op.GE;
            default -> null;
        };
    }
}
