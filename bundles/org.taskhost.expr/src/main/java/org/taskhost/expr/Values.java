package org.taskhost.expr;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The current value of each name an expression reads. Called during {@link CompiledExpression#evaluate} only for names
 * of its {@link CompiledExpression#names()}; it must not block.
 */
@ConsumerType
@FunctionalInterface
public interface Values {

    /**
     * @return the value: {@code null} (None), a Boolean, a Number (integral types are int, Float and Double are float),
     *         a String, or a List of these (a buffer)
     */
    Object get(String name);

    /** @return a lookup in a map; a name the map lacks is None */
    static Values of(Map<String, ?> map) {
        return map::get;
    }
}
