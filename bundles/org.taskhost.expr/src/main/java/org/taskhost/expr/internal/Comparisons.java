package org.taskhost.expr.internal;

import static org.taskhost.expr.internal.PyValues.asDouble;
import static org.taskhost.expr.internal.PyValues.asLong;
import static org.taskhost.expr.internal.PyValues.isInt;
import static org.taskhost.expr.internal.PyValues.isNumber;
import static org.taskhost.expr.internal.PyValues.typeName;

import java.util.List;

/**
 * Python's == != < <= > >=: numbers (bool included) compare by value, exactly between int and float; strings and
 * lists compare lexicographically; == between other types is False, ordering them is a TypeError.
 */
final class Comparisons {

    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private static final int UNORDERED = 2;

    private Comparisons() {
    }

    static boolean compare(Op op, Object a, Object b) {
        return switch (op) {
            case EQ -> equal(a, b);
            case NE -> !equal(a, b);
            default -> order(op, a, b);
        };
    }

    static boolean equal(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return numeric(a, b) == 0;
        }
        if (a instanceof List<?> l && b instanceof List<?> m) {
            if (l.size() != m.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!equal(l.get(i), m.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }

    private static boolean order(Op op, Object a, Object b) {
        int c;
        if (isNumber(a) && isNumber(b)) {
            c = numeric(a, b);
        } else if (a instanceof String s && b instanceof String t) {
            c = Integer.signum(s.compareTo(t));
        } else if (a instanceof List<?> l && b instanceof List<?> m) {
            int n = Math.min(l.size(), m.size());
            for (int i = 0; i < n; i++) {
                if (!equal(l.get(i), m.get(i))) {
                    return order(op, l.get(i), m.get(i));
                }
            }
            c = Integer.compare(l.size(), m.size());
        } else {
            throw new PyError("'" + op.symbol + "' not supported between instances of '" + typeName(a) + "' and '"
                    + typeName(b) + "'");
        }
        return switch (op) {
            case LT -> c == -1;
            case LE -> c == -1 || c == 0;
            case GT -> c == 1;
            case GE -> c == 1 || c == 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    /** @return -1, 0, 1, or UNORDERED when a NaN is involved; exact between int and float, as Python */
    static int numeric(Object a, Object b) {
        boolean aInt = isInt(a);
        boolean bInt = isInt(b);
        if (aInt && bInt) {
            return Long.compare(asLong(a), asLong(b));
        }
        if (aInt) {
            return longWithDouble(asLong(a), asDouble(b));
        }
        if (bInt) {
            int c = longWithDouble(asLong(b), asDouble(a));
            return c == UNORDERED ? c : -c;
        }
        double x = asDouble(a);
        double y = asDouble(b);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return UNORDERED;
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static int longWithDouble(long a, double b) {
        if (Double.isNaN(b)) {
            return UNORDERED;
        }
        if (b >= 0x1p63) {
            return -1;
        }
        if (b < -0x1p63) {
            return 1;
        }
        long whole = (long) b;
        if (a != whole) {
            return a < whole ? -1 : 1;
        }
        double fraction = b - whole;
        return fraction > 0 ? -1 : fraction < 0 ? 1 : 0;
    }
}
