package org.taskhost.api.device;

import java.time.Instant;

/**
 * How a device's polling goes.
 *
 * @param status where its poll loop stands
 * @param message the status for people (for example {@code no driver 'bacnet'}), empty if nothing to say
 * @param lastPollAt when the last poll ended, or null before the first
 * @param lastOkAt when the last successful poll ended, or null if none succeeded
 * @param lastError the last device-level error, empty if none since the device was (re)started
 * @param errorCount failed polls since the device was (re)started
 * @param pollCount polls since the device was (re)started, failed or not
 */
public record DeviceHealth(DeviceStatus status, String message, Instant lastPollAt, Instant lastOkAt,
        String lastError, long errorCount, long pollCount) {

    /** A null message or error becomes empty. */
    public DeviceHealth {
        message = message == null ? "" : message;
        lastError = lastError == null ? "" : lastError;
    }

    /**
     * @param status a status
     * @param message its text
     * @return a health with no polls yet
     */
    public static DeviceHealth initial(DeviceStatus status, String message) {
        return new DeviceHealth(status, message, null, null, "", 0, 0);
    }
}
