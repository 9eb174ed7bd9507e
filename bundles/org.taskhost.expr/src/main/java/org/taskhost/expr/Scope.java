package org.taskhost.expr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.taskhost.expr.internal.Keywords;

/**
 * The names an expression may use, each of one kind, and the functions it may call. A name is declared once: the same
 * name as two kinds (an input and a parameter, a PV and a function, {@code x_buf} as a buffer and as an input) is
 * refused, where iocmng let one silently hide the other. Immutable.
 */
public final class Scope {

    /**
     * What a name stands for; used in messages and by callers deciding what to check before evaluating. VARIABLE is
     * for names of other kinds than a plugin's (a workflow's variables).
     */
    public enum Kind {
        INPUT("an input"), OUTPUT("an output"), TRANSFORM_OUTPUT("a transform output"), BUFFER("a buffer"),
        PARAMETER("a parameter"), VARIABLE("a variable");

        private final String described;

        Kind(String described) {
            this.described = described;
        }

        /** @return the kind with its article, for messages: "an input" */
        public String described() {
            return described;
        }
    }

    private final Map<String, Kind> names;
    private final Map<String, ExpressionFunction> functions;

    private Scope(Map<String, Kind> names, Map<String, ExpressionFunction> functions) {
        this.names = Collections.unmodifiableMap(names);
        this.functions = functions;
    }

    /** @param functions the functions expressions may call, usually {@link FunctionRegistry#snapshot()} */
    public static Builder builder(Map<String, ExpressionFunction> functions) {
        return new Builder(Map.copyOf(functions));
    }

    /** @return the kind of {@code name}, or null when it is not a name of this scope */
    public Kind kind(String name) {
        return names.get(name);
    }

    /** @return the function called {@code name}, or null */
    public ExpressionFunction function(String name) {
        return functions.get(name);
    }

    /** @return the declared names and their kinds, in declaration order */
    public Map<String, Kind> names() {
        return names;
    }

    /** @return the names of the callable functions */
    public Set<String> functionNames() {
        return functions.keySet();
    }

    /**
     * @return whether an expression can refer to {@code name}: a Python identifier that is not a keyword (a PV called
     *         {@code in}, {@code x-1} or {@code A:B} exists but cannot be named in an expression)
     */
    public static boolean isIdentifier(String name) {
        return Keywords.isIdentifier(name) && !Keywords.isKeyword(name);
    }

    /** Collects names; not thread-safe. */
    public static final class Builder {

        private final Map<String, Kind> names = new LinkedHashMap<>();
        private final Map<String, ExpressionFunction> functions;

        private Builder(Map<String, ExpressionFunction> functions) {
            this.functions = functions;
        }

        /**
         * @throws IllegalArgumentException when {@code name} is not an {@linkplain #isIdentifier identifier}, is
         *                                  already declared, or is the name of a function, saying which
         */
        public Builder add(String name, Kind kind) {
            if (!isIdentifier(name)) {
                throw new IllegalArgumentException("'" + name + "' cannot be a name in expressions: "
                        + (Keywords.isKeyword(name) ? "it is a Python keyword" : "it is not a Python identifier"));
            }
            Kind existing = names.get(name);
            if (existing != null) {
                throw new IllegalArgumentException("name '" + name + "' is both " + existing.described() + " and "
                        + kind.described());
            }
            if (functions.containsKey(name)) {
                throw new IllegalArgumentException("name '" + name + "' is both " + kind.described()
                        + " and a function: expressions could not call " + name + "()");
            }
            names.put(name, kind);
            return this;
        }

        public Scope build() {
            return new Scope(new LinkedHashMap<>(names), functions);
        }
    }
}
