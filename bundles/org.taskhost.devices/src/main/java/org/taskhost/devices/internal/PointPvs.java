package org.taskhost.devices.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.device.Quality;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PvRegistryListener;

/**
 * Follows the PVs that config.yaml maps to a point ({@code point: <device>/<point>}), as a view on the whiteboard.
 * The point's values go onto the PV: an output is set, with an alarm when the quality is not GOOD (INVALID for BAD,
 * MINOR for UNCERTAIN); an input follows the value, which the plugin hears as a put. A client's put on a mapped input
 * writes the point. The input's own echo of a followed value, and values set before the mapping existed (autosave),
 * are not written back.
 */
@Component(service = {PvRegistryListener.class, PvListener.class}, immediate = true)
public class PointPvs implements PvRegistryListener, PvListener {

    /** One mapped PV, the listener on its point, and what the point last put there. */
    private static final class Mapping {
        final Pv pv;
        final PointRef point;
        final Instant since = Instant.now();
        volatile ListenerHandle handle;
        volatile Object shown;

        Mapping(Pv pv, PointRef point) {
            this.pv = pv;
            this.point = point;
        }
    }

    private final DevicesComponent devices;
    private final Logger log;
    private final Map<String, Mapping> mappings = new ConcurrentHashMap<>();

    @Activate
    public PointPvs(@Reference DevicesComponent devices, @Reference LoggerFactory loggers) {
        this.devices = devices;
        this.log = loggers.getLogger("devices");
    }

    @Override
    public void added(Pv pv) {
        PointRef point = pv.spec().point();
        if (point == null) {
            return;
        }
        Mapping m = new Mapping(pv, point);
        mappings.put(pv.fullName(), m);
        m.handle = devices.cache().listen(point, (ref, v) -> show(m, v));
        devices.cache().latest(point).ifPresent(v -> show(m, v));
    }

    @Override
    public void removed(Pv pv) {
        Mapping m = mappings.remove(pv.fullName());
        if (m != null && m.handle != null) {
            m.handle.close();
        }
    }

    private void show(Mapping m, PointValue v) {
        if (mappings.get(m.pv.fullName()) != m) {
            return;
        }
        try {
            if (m.pv.spec().writable()) {
                if (v.value() != null) {
                    m.shown = v.value();
                    m.pv.follow(v.value());
                }
            } else {
                AlarmSeverity severity = v.quality() == Quality.GOOD ? AlarmSeverity.NO_ALARM
                        : v.quality() == Quality.UNCERTAIN ? AlarmSeverity.MINOR : AlarmSeverity.INVALID;
                m.pv.set(v.value() != null ? v.value() : m.pv.get(), severity);
            }
        } catch (RuntimeException e) {
            log.warn("point " + m.point + " cannot be shown on " + m.pv.fullName() + ": " + e.getMessage());
        }
    }

    @Override
    public void changed(Pv pv, PvValue value) {
        Mapping m = mappings.get(pv.fullName());
        if (m == null || !pv.spec().writable() || value.timestamp().isBefore(m.since) || same(value.value(), m.shown)) {
            return;
        }
        m.shown = value.value();
        try {
            devices.access().write(m.point, value.value(), null).whenComplete((r, e) -> {
                if (e != null) {
                    log.warn("a put on " + pv.fullName() + " was not written to point " + m.point + ": " + DeviceLoop.describe(e));
                }
            });
        } catch (IllegalArgumentException e) {
            log.warn("a put on " + pv.fullName() + " was not written to point " + m.point + ": " + e.getMessage());
        }
    }

    /** Whether a PV value and a point value are the same, across the types (a bool PV holds 0 or 1). */
    static boolean same(Object pv, Object point) {
        Object a = pv instanceof Boolean b ? (b ? 1 : 0) : pv;
        Object c = point instanceof Boolean b ? (b ? 1 : 0) : point;
        if (a instanceof Number x && c instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a == null ? null : a.toString(), c == null ? null : c.toString());
    }

    @Deactivate
    void close() {
        mappings.values().forEach(m -> {
            if (m.handle != null) {
                m.handle.close();
            }
        });
        mappings.clear();
    }
}
