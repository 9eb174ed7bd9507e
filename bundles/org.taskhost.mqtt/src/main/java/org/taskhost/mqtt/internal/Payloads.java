package org.taskhost.mqtt.internal;

import java.time.Instant;
import java.util.Locale;

import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.mqtt.internal.payloads.NodeOffline;
import org.taskhost.mqtt.internal.payloads.NodeOnline;
import org.taskhost.mqtt.internal.payloads.PluginStatePayload;
import org.taskhost.mqtt.internal.payloads.PvPayload;

/** The JSON payloads, documented in docs/mqtt.md. */
final class Payloads {

    private Payloads() {
    }

    /** {@code {root}/{node}/status} while connected. */
    static String online(String version, int plugins, Instant startedAt) {
        return Json.write(new NodeOnline(true, version, plugins, startedAt));
    }

    /**
     * {@code {root}/{node}/status} when offline: the Last Will ({@code reason} "connection lost") or the last message
     * of a clean stop ({@code reason} "stopped").
     */
    static String offline(String version, Instant startedAt, String reason) {
        return Json.write(new NodeOffline(false, version, startedAt, reason));
    }

    /** {@code {root}/{node}/plugins/{name}/state}: the typed state, with kind and mode from the model (null if unknown). */
    static String state(String name, PluginState s, PluginInfo info, Instant timestamp) {
        return Json.write(new PluginStatePayload(name, s.status(), s.statusIndex(), s.message(), s.enabled(), s.cycles(),
                s.errors(), lower(s.phase()), info == null ? null : lower(info.kind()), info == null ? null : lower(info.mode()),
                timestamp));
    }

    /** {@code {root}/{node}/plugins/{plugin}/pvs/{PV}}: one value; unit null when the PV has none. */
    static String pv(PvValue v, String unit) {
        return Json.write(new PvPayload(v.value(), v.timestamp(), v.severity() == null ? null : v.severity().name(),
                unit == null || unit.isEmpty() ? null : unit));
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
