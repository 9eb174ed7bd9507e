package org.taskhost.devices.internal.answers;

import java.util.List;
import java.util.Map;

import org.taskhost.api.device.DiscoveredDevice;

/**
 * A device a driver found.
 *
 * @param address its address
 * @param name its name
 * @param properties what the driver read of it
 * @param points the points the driver proposes
 */
public record FoundDevice(String address, String name, Map<String, String> properties, List<PointDefinition> points) {

    /** @return the answer's form of the found device */
    public static FoundDevice of(DiscoveredDevice d) {
        return new FoundDevice(d.address(), d.name(), d.properties(), d.points().stream().map(PointDefinition::of).toList());
    }
}
