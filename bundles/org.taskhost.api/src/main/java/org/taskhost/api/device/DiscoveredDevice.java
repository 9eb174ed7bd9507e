package org.taskhost.api.device;

import java.util.List;
import java.util.Map;

/**
 * A device found by {@link Driver#discover}.
 *
 * @param address the address to configure it with, in the driver's syntax
 * @param name its name as it gave it, empty if none
 * @param properties what else it told (BACnet: {@code device_instance}, {@code vendor_id}, {@code vendor_name},
 *        {@code max_apdu}, {@code segmentation}; BLE: {@code rssi})
 * @param points points it offers, if the driver could list them; empty otherwise
 */
public record DiscoveredDevice(String address, String name, Map<String, String> properties, List<Point> points) {

    /** Copies the collections; nulls become empty. */
    public DiscoveredDevice {
        name = name == null ? "" : name;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        points = points == null ? List.of() : List.copyOf(points);
    }
}
