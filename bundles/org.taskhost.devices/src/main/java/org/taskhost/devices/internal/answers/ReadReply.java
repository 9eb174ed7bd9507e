package org.taskhost.devices.internal.answers;

import java.util.Map;

/**
 * @param ok true
 * @param message which device was read
 * @param points each point's value, by point id
 */
public record ReadReply(boolean ok, String message, Map<String, PointReading> points) {
}
