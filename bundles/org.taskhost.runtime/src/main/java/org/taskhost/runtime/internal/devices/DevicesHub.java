package org.taskhost.runtime.internal.devices;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.taskhost.api.device.Devices;
import org.taskhost.api.device.Point;
import org.taskhost.api.pv.PvSpec;

/**
 * The devices service as plugins see it: at most one {@link Devices} service (the devices bundle's), got lazily at
 * first use, and every plugin's {@link PluginDevices}, whose listeners are registered again when the service comes
 * back. Bound by reference only, as the devices bundle's PV mapping needs the runtime.
 */
public final class DevicesHub {

    private final Set<PluginDevices> plugins = ConcurrentHashMap.newKeySet();
    private volatile Supplier<Devices> source;
    private volatile Devices service;

    /** @param next gets the service; null when it went away */
    public synchronized void bind(Supplier<Devices> next) {
        source = next;
        service = null;
        for (PluginDevices p : plugins) {
            p.serviceChanged();
        }
    }

    /** @return the service, or null when the devices bundle is not running */
    public Devices service() {
        Devices s = service;
        if (s == null) {
            Supplier<Devices> src = source;
            if (src != null) {
                s = src.get();
                service = s;
            }
        }
        return s;
    }

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

    void add(PluginDevices p) {
        plugins.add(p);
    }

    void remove(PluginDevices p) {
        plugins.remove(p);
    }
}
