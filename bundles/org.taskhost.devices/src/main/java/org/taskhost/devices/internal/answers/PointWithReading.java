package org.taskhost.devices.internal.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A point's definition with its latest value, inline.
 *
 * @param definition the definition
 * @param reading its latest value
 */
public record PointWithReading(@JsonUnwrapped PointDefinition definition, @JsonUnwrapped PointReading reading) {
}
