package org.taskhost.devices.internal.answers;

/**
 * @param ok true
 * @param message what was written
 * @param point the point with its latest value
 */
public record WriteReply(boolean ok, String message, PointWithReading point) {
}
