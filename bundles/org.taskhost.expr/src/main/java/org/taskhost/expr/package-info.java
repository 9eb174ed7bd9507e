/**
 * iocmng's expression language: the Python expression subset that rule conditions, transforms and workflow conditions
 * are written in (one expression language for all of them).
 * <p>
 * An expression is compiled once, when the plugin or workflow is added, by {@link org.taskhost.expr.Expressions#compile}
 * against a {@link org.taskhost.expr.Scope} of the names it may use; everything it may not do (a syntax error, a
 * disallowed construct such as {@code x[0]} or {@code x ** 2}, an unknown name, an unknown function, a wrong number of
 * arguments) is refused then, with an {@link org.taskhost.expr.InvalidExpressionException} naming the line and column.
 * The {@link org.taskhost.expr.CompiledExpression} is immutable and evaluated any number of times, from any thread,
 * against a {@link org.taskhost.expr.Values} lookup; a run-time error (division by zero, {@code sqrt(-1)}) is an
 * {@link org.taskhost.expr.EvaluationException}. Evaluation cost is bounded: integers are 64-bit (an overflow is an
 * error, not a huge number) and no string or list a step builds may exceed {@link org.taskhost.expr.Expressions#MAX_LENGTH}.
 * <p>
 * Values follow Python's: {@code null} is None, {@link java.lang.Boolean} bool, {@link java.lang.Long} int (other
 * integral {@link java.lang.Number}s are read as int), {@link java.lang.Double} float ({@link java.lang.Float} is
 * read as float), {@link java.lang.String} str, {@link java.util.List} list (and tuple). See docs/declarative.md.
 * <p>
 * The 25 built-in functions are iocmng's; other bundles add functions by implementing
 * {@link org.taskhost.expr.ExpressionFunction}, registered in a {@link org.taskhost.expr.FunctionRegistry}, which never
 * lets one replace a built-in or another contribution.
 */
@Export
@Version("1.0.0")
package org.taskhost.expr;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
