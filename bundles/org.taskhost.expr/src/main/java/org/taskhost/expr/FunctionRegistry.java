package org.taskhost.expr;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.taskhost.expr.internal.Builtins;

/**
 * The functions expressions may call: iocmng's 25 built-ins, plus functions other bundles contribute. Unlike iocmng's
 * process-wide {@code register()}, a contribution never replaces a function: a name taken by a built-in or by another
 * contribution is refused. Thread-safe.
 */
public final class FunctionRegistry {

    private static final Map<String, ExpressionFunction> BUILTINS = Builtins.all();

    private final Map<String, ExpressionFunction> contributed = new ConcurrentHashMap<>();

    /** @return iocmng's 25 built-in functions by name */
    public static Map<String, ExpressionFunction> builtins() {
        return BUILTINS;
    }

    /** @return whether {@code name} is one of the 25 built-ins */
    public static boolean isBuiltin(String name) {
        return BUILTINS.containsKey(name);
    }

    /**
     * Adds a contributed function.
     *
     * @throws IllegalArgumentException when its name is not an identifier, is a built-in's, or is already taken by
     *                                  another contribution
     */
    public void register(ExpressionFunction function) {
        String name = function.name();
        if (!Scope.isIdentifier(name)) {
            throw new IllegalArgumentException("function name '" + name + "' is not a Python identifier");
        }
        if (BUILTINS.containsKey(name)) {
            throw new IllegalArgumentException("function '" + name + "' is a built-in and cannot be replaced");
        }
        ExpressionFunction other = contributed.putIfAbsent(name, function);
        if (other != null && other != function) {
            throw new IllegalArgumentException("function '" + name + "' is already contributed by "
                    + other.getClass().getName() + " and cannot be replaced");
        }
    }

    /** Removes a contributed function; expressions compiled with it keep the instance they were compiled with. */
    public boolean unregister(ExpressionFunction function) {
        return contributed.remove(function.name(), function);
    }

    /** @return the names of the contributed functions */
    public Set<String> contributedNames() {
        return Set.copyOf(contributed.keySet());
    }

    /** @return an immutable copy of every function: built-ins and contributions, for {@link Scope#builder} */
    public Map<String, ExpressionFunction> snapshot() {
        Map<String, ExpressionFunction> all = new java.util.HashMap<>(BUILTINS);
        all.putAll(contributed);
        return Map.copyOf(all);
    }
}
