package org.taskhost.api.device;

import java.util.Map;
import java.util.Objects;

/**
 * One point of a device, as configured.
 *
 * @param id the point's id, unique within its device ({@code [A-Za-z0-9_.-]+})
 * @param address where the point is on the device, in the driver's syntax (BACnet:
 *        {@code analog-input,3[,present-value]}; BLE: a characteristic UUID; virtual: any text)
 * @param type the value type
 * @param units engineering units shown beside the value (EGU), empty if none
 * @param writable whether the point may be written
 * @param writePriority the priority (1-16) a write uses when the caller gives none; null for the driver's default
 * @param cov whether the driver should subscribe to changes of this point (BACnet COV, BLE notify) where it can
 * @param description a short description for people, empty if none
 * @param options driver-specific settings of the point (for BLE the payload codec: {@code codec},
 *        {@code offset}, {@code length}, {@code scale}, ...); empty if none
 */
public record Point(String id, String address, PointType type, String units, boolean writable,
        Integer writePriority, boolean cov, String description, Map<String, String> options) {

    /** Checks the fields and copies the options. */
    public Point {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        units = units == null ? "" : units;
        description = description == null ? "" : description;
        options = options == null ? Map.of() : Map.copyOf(options);
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
