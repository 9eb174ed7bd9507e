package org.taskhost.expr.internal;

import org.taskhost.expr.ExpressionFunction;
import org.taskhost.expr.Signature;

/** One of the 25 built-ins: a name, a signature and a body that throws PyErrors. */
record BuiltinFunction(String name, Signature signature, Body body) implements ExpressionFunction {

    @FunctionalInterface
    interface Body {
        Object apply(Object[] arguments);
    }

    @Override
    public Object apply(Object[] arguments) {
        return body.apply(arguments);
    }

    static boolean given(Object argument) {
        return argument != OMITTED;
    }
}
