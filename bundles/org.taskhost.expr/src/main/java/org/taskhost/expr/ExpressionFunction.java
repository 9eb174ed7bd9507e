package org.taskhost.expr;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A function that expressions may call, such as iocmng's {@code mean} or one another bundle contributes (iocmng's
 * {@code register()}). Its {@link #signature()} is checked when an expression is compiled, so a call with the wrong
 * number of arguments or an unknown keyword never reaches {@link #apply}.
 * <p>
 * Implementations must be stateless and thread-safe, must not block, and must keep the cost of one call bounded
 * (results no longer than {@link Expressions#MAX_LENGTH} elements or characters).
 */
@ConsumerType
public interface ExpressionFunction {

    /** Stands in {@link #apply}'s arguments for an optional parameter that the call did not give. */
    Object OMITTED = Omitted.OMITTED;

    /** @return the name expressions call it by: a Python identifier, not a keyword */
    String name();

    /** @return the parameters the compiler binds a call's arguments to */
    Signature signature();

    /**
     * @param arguments the bound arguments: first one per {@link Signature#parameters()} (an optional one not given is
     *                  {@link #OMITTED}), then one per {@link Signature#keywordOnly()} (likewise), then the extra
     *                  positional arguments of a {@link Signature#variadic()} function. Values as in {@link Values}.
     * @return the result, as {@link CompiledExpression#evaluate} describes
     * @throws EvaluationException for an error in the arguments' values, with a message in Python's words
     *                             ({@code "math domain error"}); the caller adds the function's name and the call's
     *                             position. Any other RuntimeException is reported the same way.
     */
    Object apply(Object[] arguments) throws EvaluationException;

    /** The marker type of {@link #OMITTED}. */
    enum Omitted {
        OMITTED
    }
}
