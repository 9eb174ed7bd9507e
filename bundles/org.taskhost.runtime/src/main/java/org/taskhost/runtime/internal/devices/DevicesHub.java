package org.taskhost.runtime.internal.devices;

import org.taskhost.api.device.Devices;
import org.taskhost.api.device.Point;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.runtime.internal.services.ServiceHub;

/**
 * The devices service (the devices bundle's) behind every plugin's {@link PluginDevices}, and the units of mapped
 * points for their PVs.
 */
public final class DevicesHub extends ServiceHub<Devices> {

    /**
     * @param spec a PV definition
     * @return it with its point's units when config.yaml gave none and the devices service knows the point now
     */
    public PvSpec withPointUnits(PvSpec spec) {
        Devices d = spec.point() == null || !spec.unit().isEmpty() ? null : service();
        if (d == null) {
            return spec;
        }
        return d.device(spec.point().device()).flatMap(x -> x.config().point(spec.point().point())).map(Point::units)
                .filter(u -> !u.isEmpty()).map(spec::withUnit).orElse(spec);
    }
}
