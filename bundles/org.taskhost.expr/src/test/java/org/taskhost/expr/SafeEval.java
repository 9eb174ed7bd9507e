package org.taskhost.expr;

import java.util.Map;

/**
 * iocmng's {@code safe_eval(expression, variables, extra_functions)} for the ported tests: every variable is an input
 * of the scope, the functions are the built-ins plus the extra ones.
 */
final class SafeEval {

    private SafeEval() {
    }

    static Object safeEval(String expression, Map<String, ?> variables, ExpressionFunction... extra)
            throws ExpressionException {
        return compile(expression, variables, extra).evaluate(Values.of(variables));
    }

    static CompiledExpression compile(String expression, Map<String, ?> variables, ExpressionFunction... extra)
            throws InvalidExpressionException {
        FunctionRegistry registry = new FunctionRegistry();
        for (ExpressionFunction f : extra) {
            registry.register(f);
        }
        Scope.Builder scope = Scope.builder(registry.snapshot());
        variables.keySet().forEach(name -> scope.add(name, Scope.Kind.INPUT));
        return Expressions.compile(expression, scope.build());
    }

    /** A contributed function of one argument, like iocmng's {@code lambda x: ...}. */
    static ExpressionFunction function(String name, java.util.function.UnaryOperator<Object> body) {
        return new ExpressionFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Signature signature() {
                return Signature.of("x");
            }

            @Override
            public Object apply(Object[] arguments) {
                return body.apply(arguments[0]);
            }
        };
    }
}
