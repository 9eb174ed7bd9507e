package org.taskhost.api.device;

/**
 * A device as it is now: its configuration and its health.
 *
 * @param config what is configured
 * @param health how its polling goes
 */
public record Device(DeviceConfig config, DeviceHealth health) {

    /** @return the device's id */
    public String id() {
        return config.id();
    }
}
