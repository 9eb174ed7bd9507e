package org.taskhost.devices.internal.answers;

import org.taskhost.api.device.Device;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A device: its definition with its health under {@code health}.
 *
 * @param definition the definition, inline
 * @param health its health
 */
public record DeviceWithHealth(@JsonUnwrapped DeviceDefinition definition, HealthReport health) {

    /** @return the device as answers show it */
    public static DeviceWithHealth of(Device d) {
        return new DeviceWithHealth(DeviceDefinition.of(d.config()), HealthReport.of(d.health()));
    }
}
