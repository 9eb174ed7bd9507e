package org.taskhost.api.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A device as configured: which driver talks to it, where it is, how often it is polled, and its points.
 *
 * @param id the device's id, unique in this taskhost ({@code [A-Za-z0-9_.-]+})
 * @param driver the driver's name, the {@value Driver#DRIVER_PROPERTY} property of its service
 * @param address where the device is, in the driver's syntax (BACnet: {@code 192.168.1.20:47808} or a device
 *        instance; BLE: a MAC address; virtual: any text)
 * @param pollInterval how often the points are read
 * @param enabled whether the device is polled at all
 * @param timeout how long one request to the device may take before it counts as failed
 * @param retries how many times a failed request is repeated before the poll counts as failed
 * @param options driver-specific settings of the device (BACnet: {@code max_per_request}, {@code device_instance};
 *        BLE: {@code adapter}); empty if none
 * @param points the points, in order
 * @param description a short description for people, empty if none
 */
public record DeviceConfig(String id, String driver, String address, Duration pollInterval, boolean enabled,
        Duration timeout, int retries, Map<String, String> options, List<Point> points, String description) {

    /** Checks the fields and copies the collections. */
    public DeviceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        address = address == null ? "" : address;
        options = options == null ? Map.of() : Map.copyOf(options);
        points = points == null ? List.of() : List.copyOf(points);
        description = description == null ? "" : description;
    }

    /**
     * @param pointId a point's id
     * @return the point, if the device has one of that id
     */
    public Optional<Point> point(String pointId) {
        return points.stream().filter(p -> p.id().equals(pointId)).findFirst();
    }

    /**
     * @param key an option name
     * @param fallback the value when the option is absent
     * @return the option's value or the fallback
     */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }
}
