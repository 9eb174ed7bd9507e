package org.taskhost.devices.internal.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An event of {@code /api/v1/devices/events}: a point's new value.
 *
 * @param device the device id
 * @param point the point id
 * @param reading the value, inline
 */
public record PointChange(String device, String point, @JsonUnwrapped PointReading reading) {
}
