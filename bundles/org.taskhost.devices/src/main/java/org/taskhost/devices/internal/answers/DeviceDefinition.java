package org.taskhost.devices.internal.answers;

import java.util.List;
import java.util.Map;

import org.taskhost.api.device.DeviceConfig;

/**
 * A device's definition, in the form the parser reads back (from a REST body or from Config Admin).
 *
 * @param id the device id
 * @param driver the driver's name
 * @param address the driver's address of the device
 * @param pollInterval seconds between polls
 * @param enabled whether it is polled
 * @param timeout seconds a call may take
 * @param retries retries of a failed call
 * @param description what it is
 * @param options the driver's options
 * @param points its points
 */
public record DeviceDefinition(String id, String driver, String address, double pollInterval, boolean enabled,
        double timeout, int retries, String description, Map<String, String> options, List<PointDefinition> points) {

    /** @return the definition of the configuration */
    public static DeviceDefinition of(DeviceConfig c) {
        return new DeviceDefinition(c.id(), c.driver(), c.address(), c.pollInterval().toNanos() / 1e9, c.enabled(),
                c.timeout().toNanos() / 1e9, c.retries(), c.description(), c.options(),
                c.points().stream().map(PointDefinition::of).toList());
    }
}
