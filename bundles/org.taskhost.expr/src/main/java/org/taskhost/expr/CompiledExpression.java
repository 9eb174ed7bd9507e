package org.taskhost.expr;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An expression checked and compiled against a {@link Scope}. Immutable and safe to evaluate from several threads at
 * once; it keeps no state between evaluations.
 */
@ProviderType
public interface CompiledExpression {

    /** @return the expression as it was written */
    String source();

    /**
     * @return the names of the scope the expression reads (not the functions it calls), in order of first appearance:
     *         the names {@link #evaluate} may ask {@link Values} for, and the ones a caller checks for disconnected or
     *         invalid inputs before acting
     */
    Set<String> names();

    /** @return the functions the expression calls, in order of first appearance */
    Set<String> functions();

    /**
     * @param values the current value of each name in {@link #names()}
     * @return the result: {@code null} (None), a Boolean, Long, Double, String or an unmodifiable List
     * @throws EvaluationException for a run-time error (division by zero, a math domain error, an integer overflow, a
     *                             type error such as {@code "a" - 1}), naming its line and column
     */
    Object evaluate(Values values) throws EvaluationException;

    /**
     * Evaluates the expression and applies Python's truthiness to the result (for rule and workflow conditions):
     * None, False, 0, 0.0, "" and an empty list are false.
     */
    default boolean test(Values values) throws EvaluationException {
        return Expressions.truthy(evaluate(values));
    }
}
