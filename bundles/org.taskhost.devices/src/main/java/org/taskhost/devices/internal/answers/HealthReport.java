package org.taskhost.devices.internal.answers;

import java.time.Instant;

import org.taskhost.api.device.DeviceHealth;

/**
 * A device's health.
 *
 * @param status its status's name
 * @param message what it says
 * @param lastPollAt when it was last polled, or null
 * @param lastOkAt when a poll last succeeded, or null
 * @param lastError the last error, or null
 * @param errorCount failed polls
 * @param pollCount polls
 */
public record HealthReport(String status, String message, Instant lastPollAt, Instant lastOkAt, String lastError,
        long errorCount, long pollCount) {

    /** @return the report of the health */
    public static HealthReport of(DeviceHealth h) {
        return new HealthReport(h.status().name(), h.message(), h.lastPollAt(), h.lastOkAt(), h.lastError(),
                h.errorCount(), h.pollCount());
    }
}
