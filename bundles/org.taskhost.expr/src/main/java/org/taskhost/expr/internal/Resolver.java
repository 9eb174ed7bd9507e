package org.taskhost.expr.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.taskhost.expr.ExpressionFunction;
import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.Scope;

/**
 * Resolves names and calls against the scope. Its problems are kept, the first in source order, and reported after
 * the parse, so that a disallowed construct anywhere is reported before a name problem (iocmng's order).
 */
final class Resolver {

    private final Scope scope;
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private InvalidExpressionException problem;

    Resolver(Scope scope) {
        this.scope = scope;
    }

    Node name(Token t) {
        String name = t.text();
        if (scope.kind(name) != null) {
            names.add(name);
        } else if (scope.function(name) != null) {
            keep(t, "function '" + name + "' must be called: " + name + "(...)");
        } else {
            keep(t, "unknown name '" + name + "'" + Suggestions.suggest(name, scope.names().keySet()));
        }
        return new Node.Name(t.line(), t.column(), name);
    }

    Node call(Token callee, List<Node> positional, List<Binder.Keyword> keywords) {
        String name = callee.text();
        ExpressionFunction function = scope.function(name);
        if (function == null) {
            Scope.Kind kind = scope.kind(name);
            keep(callee, kind != null ? "'" + name + "' is " + kind.described() + ", not a function"
                    : "Unsafe expression — function '" + name + "' is not registered"
                            + Suggestions.suggest(name, scope.functionNames()));
            return new Node.Constant(callee.line(), callee.column(), null);
        }
        functions.add(name);
        try {
            return Binder.bind(callee, function, positional, keywords);
        } catch (InvalidExpressionException e) {
            keep(e);
            return new Node.Constant(callee.line(), callee.column(), null);
        }
    }

    private void keep(Token at, String message) {
        keep(new InvalidExpressionException(at.line(), at.column(), message));
    }

    private void keep(InvalidExpressionException e) {
        if (problem == null) {
            problem = e;
        }
    }

    void throwFirstProblem() throws InvalidExpressionException {
        if (problem != null) {
            throw problem;
        }
    }

    Set<String> names() {
        return names;
    }

    Set<String> functions() {
        return functions;
    }
}
