package org.taskhost.expr.internal;

import java.util.ArrayList;
import java.util.List;

import org.taskhost.expr.ExpressionFunction;
import org.taskhost.expr.InvalidExpressionException;
import org.taskhost.expr.Signature;

/** Binds a call's arguments to a function's signature at compile time, with Python's TypeError wording. */
final class Binder {

    private Binder() {
    }

    record Keyword(Token name, Node value) {
    }

    static CallNode bind(Token callee, ExpressionFunction function, List<Node> positional, List<Keyword> keywords)
            throws InvalidExpressionException {
        Signature sig = function.signature();
        String name = function.name() + "()";
        List<String> params = sig.parameters();
        int p = params.size();
        Node[] named = new Node[p + sig.keywordOnly().size()];
        List<Node> extra = new ArrayList<>();
        for (int i = 0; i < positional.size(); i++) {
            if (i < p) {
                named[i] = positional.get(i);
            } else if (sig.variadic()) {
                extra.add(positional.get(i));
            } else {
                throw error(callee, name + " takes " + takes(sig) + " but " + positional.size()
                        + (positional.size() == 1 ? " was" : " were") + " given");
            }
        }
        for (Keyword k : keywords) {
            String key = k.name().text();
            int at = params.indexOf(key);
            if (at >= 0 && !sig.keywordsAllowed()) {
                throw error(k.name(), name + " takes no keyword arguments");
            }
            if (at < 0) {
                int only = sig.keywordOnly().indexOf(key);
                if (only < 0) {
                    throw error(k.name(), (p == 0 && sig.keywordOnly().isEmpty() && !sig.keywordsAllowed()
                            ? name + " takes no keyword arguments"
                            : name + " got an unexpected keyword argument '" + key + "'"));
                }
                at = p + only;
            }
            if (named[at] != null) {
                throw error(k.name(), name + " got multiple values for argument '" + key + "'");
            }
            named[at] = k.value();
        }
        if (sig.variadic() && p == 0 && positional.size() < sig.required()) {
            throw error(callee, function.name() + " expected at least " + sig.required() + " argument"
                    + (sig.required() == 1 ? "" : "s") + ", got " + positional.size());
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < Math.min(sig.required(), p); i++) {
            if (named[i] == null) {
                missing.add("'" + params.get(i) + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw error(callee, name + " missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + list(missing));
        }
        return new CallNode(callee.line(), callee.column(), function, named, extra.toArray(Node[]::new));
    }

    private static String takes(Signature sig) {
        int p = sig.parameters().size();
        String count = sig.required() == p ? String.valueOf(p) : "from " + sig.required() + " to " + p;
        return count + " positional argument" + (p == 1 && sig.required() == 1 ? "" : "s");
    }

    private static String list(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() == 2) {
            return names.get(0) + " and " + names.get(1);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", and " + names.get(names.size() - 1);
    }

    private static InvalidExpressionException error(Token at, String problem) {
        return new InvalidExpressionException(at.line(), at.column(), problem);
    }
}
