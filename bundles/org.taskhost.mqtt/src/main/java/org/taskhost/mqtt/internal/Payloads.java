package org.taskhost.mqtt.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginState;

/** The JSON payloads, documented in docs/mqtt.md. */
final class Payloads {

    private Payloads() {
    }

    /** {@code {root}/{node}/status} while connected. */
    static String online(String version, int plugins, Instant startedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("online", true);
        m.put("version", version);
        m.put("plugins", plugins);
        m.put("started_at", startedAt == null ? null : startedAt.toString());
        return Json.object(m);
    }

    /**
     * {@code {root}/{node}/status} when offline: the Last Will ({@code reason} "connection lost") or the last message
     * of a clean stop ({@code reason} "stopped").
     */
    static String offline(String version, Instant startedAt, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("online", false);
        m.put("version", version);
        m.put("started_at", startedAt == null ? null : startedAt.toString());
        m.put("reason", reason);
        return Json.object(m);
    }

    /** {@code {root}/{node}/plugins/{name}/state}: the typed state, with kind and mode from the model (null if unknown). */
    static String state(String name, PluginState s, PluginInfo info, Instant timestamp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", s.status());
        m.put("status_index", s.statusIndex());
        m.put("message", s.message());
        m.put("enabled", s.enabled());
        m.put("cycles", s.cycles());
        m.put("errors", s.errors());
        m.put("phase", lower(s.phase()));
        m.put("kind", info == null ? null : lower(info.kind()));
        m.put("mode", info == null ? null : lower(info.mode()));
        m.put("timestamp", timestamp == null ? null : timestamp.toString());
        return Json.object(m);
    }

    /** {@code {root}/{node}/plugins/{plugin}/pvs/{PV}}: one value; unit null when the PV has none. */
    static String pv(org.taskhost.api.pv.PvValue v, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v.value());
        m.put("timestamp", v.timestamp() == null ? null : v.timestamp().toString());
        m.put("severity", v.severity() == null ? null : v.severity().name());
        m.put("unit", unit == null || unit.isEmpty() ? null : unit);
        return Json.object(m);
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
