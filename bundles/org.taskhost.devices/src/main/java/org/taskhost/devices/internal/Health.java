package org.taskhost.devices.internal;

import java.time.Instant;

import org.taskhost.api.device.DeviceHealth;
import org.taskhost.api.device.DeviceStatus;

/** A device's health, changed by its poll loop, read by everyone. */
final class Health {

    private volatile DeviceHealth current;
    /** marked by {@link #hung}, until the poll ends one way or the other */
    private boolean hung;

    Health(DeviceStatus status, String message) {
        current = DeviceHealth.initial(status, message);
    }

    DeviceHealth get() {
        return current;
    }

    synchronized void ok() {
        hung = false;
        DeviceHealth h = current;
        Instant now = Instant.now();
        current = new DeviceHealth(DeviceStatus.OK, "", now, now, h.lastError(), h.errorCount(), h.pollCount() + 1);
    }

    synchronized void failed(String reason) {
        hung = false;
        DeviceHealth h = current;
        current = new DeviceHealth(DeviceStatus.ERROR, reason, Instant.now(), h.lastOkAt(), reason, h.errorCount() + 1,
                h.pollCount() + 1);
    }

    /**
     * An error between polls, counted without counting a poll: the driver reported the session broken, or an attempt
     * to open it again failed.
     */
    synchronized void betweenPolls(String reason) {
        DeviceHealth h = current;
        current = new DeviceHealth(DeviceStatus.ERROR, reason, h.lastPollAt(), h.lastOkAt(), reason, h.errorCount() + 1,
                h.pollCount());
    }

    /** A poll that does not return: the device is marked, once, without counting a poll that has not ended. */
    synchronized void hung(String reason) {
        DeviceHealth h = current;
        if (!hung) {
            hung = true;
            current = new DeviceHealth(DeviceStatus.ERROR, reason, h.lastPollAt(), h.lastOkAt(), reason,
                    h.errorCount() + 1, h.pollCount());
        }
    }
}
