package org.taskhost.expr.internal;

import org.taskhost.expr.EvaluationException;
import org.taskhost.expr.ExpressionFunction;
import org.taskhost.expr.Values;

/** A call whose arguments were bound to the function's parameters at compile time. */
final class CallNode extends Node {

    private final ExpressionFunction function;
    private final Node[] named;
    private final Node[] extra;

    /**
     * @param named one per parameter then per keyword-only parameter, null where the call omits it
     * @param extra the extra positional arguments of a variadic function
     */
    CallNode(int line, int column, ExpressionFunction function, Node[] named, Node[] extra) {
        super(line, column);
        this.function = function;
        this.named = named;
        this.extra = extra;
    }

    @Override
    Object eval(Values values) {
        Object[] arguments = new Object[named.length + extra.length];
        for (int i = 0; i < named.length; i++) {
            arguments[i] = named[i] == null ? ExpressionFunction.OMITTED : named[i].eval(values);
        }
        for (int i = 0; i < extra.length; i++) {
            arguments[named.length + i] = extra[i].eval(values);
        }
        try {
            return PyValues.normalize(function.apply(arguments));
        } catch (PyError e) {
            throw error(e);
        } catch (EvaluationException e) {
            throw error(new PyError(e.problem()));
        } catch (RuntimeException e) {
            throw error(new PyError(function.name() + "() failed: " + e));
        }
    }
}
