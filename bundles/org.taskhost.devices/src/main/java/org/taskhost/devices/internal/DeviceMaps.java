package org.taskhost.devices.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceHealth;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointValue;

/** Devices, points and values as the JSON maps REST answers and Config Admin keeps, with snake_case fields. */
final class DeviceMaps {

    private DeviceMaps() {
    }

    /** @return the definition, in the form {@link DeviceParser#parse} reads back */
    static Map<String, Object> definition(DeviceConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("driver", c.driver());
        m.put("address", c.address());
        m.put("poll_interval", c.pollInterval().toNanos() / 1e9);
        m.put("enabled", c.enabled());
        m.put("timeout", c.timeout().toNanos() / 1e9);
        m.put("retries", c.retries());
        m.put("description", c.description());
        m.put("options", new LinkedHashMap<>(c.options()));
        List<Map<String, Object>> points = new ArrayList<>();
        for (Point p : c.points()) {
            points.add(point(p));
        }
        m.put("points", points);
        return m;
    }

    static Map<String, Object> point(Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("address", p.address());
        m.put("type", p.type().label());
        m.put("units", p.units());
        m.put("writable", p.writable());
        m.put("write_priority", p.writePriority());
        m.put("cov", p.cov());
        m.put("description", p.description());
        m.put("options", new LinkedHashMap<>(p.options()));
        return m;
    }

    static Map<String, Object> health(DeviceHealth h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", h.status().name());
        m.put("message", h.message());
        m.put("last_poll_at", h.lastPollAt() == null ? null : h.lastPollAt().toString());
        m.put("last_ok_at", h.lastOkAt() == null ? null : h.lastOkAt().toString());
        m.put("last_error", h.lastError());
        m.put("error_count", h.errorCount());
        m.put("poll_count", h.pollCount());
        return m;
    }

    /** @return the definition with its health under {@code health} */
    static Map<String, Object> device(Device d) {
        Map<String, Object> m = definition(d.config());
        m.put("health", health(d.health()));
        return m;
    }

    static Map<String, Object> value(PointValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v == null ? null : PointValues.display(v.value()));
        m.put("quality", v == null ? "BAD" : v.quality().name());
        m.put("reason", v == null ? "not read yet" : v.reason());
        m.put("timestamp", v == null ? null : v.timestamp().toString());
        return m;
    }
}
