package org.taskhost.devices.internal.answers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A point's definition with its latest value, inline, and its recent values.
 *
 * @param definition the definition
 * @param reading its latest value
 * @param history its recent values, oldest first
 */
public record PointWithHistory(@JsonUnwrapped PointDefinition definition, @JsonUnwrapped PointReading reading,
        List<PointReading> history) {
}
