package org.taskhost.devices.internal.answers;

import java.util.Map;

import org.taskhost.api.device.Point;

/**
 * A point's definition.
 *
 * @param id the point id
 * @param address the driver's address of the point
 * @param type its type's label
 * @param units its units
 * @param writable whether it can be written
 * @param writePriority the BACnet priority of its writes, or null
 * @param cov whether it is followed by change of value
 * @param description what it is
 * @param options the driver's options
 */
public record PointDefinition(String id, String address, String type, String units, boolean writable,
        Integer writePriority, boolean cov, String description, Map<String, String> options) {

    /** @return the definition of the point */
    public static PointDefinition of(Point p) {
        return new PointDefinition(p.id(), p.address(), p.type().label(), p.units(), p.writable(), p.writePriority(),
                p.cov(), p.description(), p.options());
    }
}
