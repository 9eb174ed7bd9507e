package org.taskhost.expr.internal;

import java.util.Collections;
import java.util.Set;

import org.taskhost.expr.CompiledExpression;
import org.taskhost.expr.EvaluationException;
import org.taskhost.expr.Values;

/** The compiled form: the checked tree and what it reads. */
final class Compiled implements CompiledExpression {

    private final String source;
    private final Node root;
    private final Set<String> names;
    private final Set<String> functions;

    Compiled(String source, Node root, Set<String> names, Set<String> functions) {
        this.source = source;
        this.root = root;
        this.names = Collections.unmodifiableSet(names);
        this.functions = Collections.unmodifiableSet(functions);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Set<String> names() {
        return names;
    }

    @Override
    public Set<String> functions() {
        return functions;
    }

    @Override
    public Object evaluate(Values values) throws EvaluationException {
        try {
            return root.eval(values);
        } catch (PyError e) {
            throw new EvaluationException(e.line(), e.column(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
