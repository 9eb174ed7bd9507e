package org.taskhost.expr;

import java.util.List;

/**
 * The parameters of an {@link ExpressionFunction}, as Python would declare them.
 *
 * @param parameters      named parameters, bound from positional arguments first and then from keyword arguments
 * @param required        how many of {@code parameters} (the first ones) must be given; for a variadic function with no
 *                        parameters, how many positional arguments it needs at least
 * @param variadic        whether extra positional arguments are accepted ({@code *args})
 * @param keywordOnly     optional parameters that only a keyword argument gives (min's {@code default=})
 * @param keywordsAllowed whether {@code parameters} may be given by keyword ({@code round(x, ndigits=2)}); false for
 *                        Python's positional-only built-ins such as {@code abs} and {@code sqrt}
 */
public record Signature(List<String> parameters, int required, boolean variadic, List<String> keywordOnly,
        boolean keywordsAllowed) {

    public Signature {
        parameters = List.copyOf(parameters);
        keywordOnly = List.copyOf(keywordOnly);
        if (required < 0 || (required > parameters.size() && !(variadic && parameters.isEmpty()))) {
            throw new IllegalArgumentException("required " + required + " is not between 0 and " + parameters.size());
        }
    }

    /** @return {@code f(a, b, ...)}: every parameter required, keywords allowed */
    public static Signature of(String... parameters) {
        return new Signature(List.of(parameters), parameters.length, false, List.of(), true);
    }

    /** @return the first {@code required} parameters required, the others optional, keywords allowed */
    public static Signature optional(int required, String... parameters) {
        return new Signature(List.of(parameters), required, false, List.of(), true);
    }

    /** @return {@code f(*args)} with at least {@code required} arguments */
    public static Signature variadic(int required) {
        return new Signature(List.of(), required, true, List.of(), false);
    }

    /** @return this signature with its parameters positional only */
    public Signature positionalOnly() {
        return new Signature(parameters, required, variadic, keywordOnly, false);
    }

    /** @return this signature with optional keyword-only parameters added */
    public Signature withKeywordOnly(String... names) {
        return new Signature(parameters, required, variadic, List.of(names), keywordsAllowed);
    }
}
