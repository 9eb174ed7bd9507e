package org.taskhost.mqtt.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * Every PV value of every plugin on {@code {root}/{node}/plugins/{plugin}/pvs/{PV}}, QoS 0, not retained, at most one
 * message per PV per {@code pv_interval}, coalesced to the newest (a {@link PvThrottle}). A {@link PvListener} on the
 * whiteboard, registered by {@link MqttView} once it is active; the whiteboard calls it on its own thread.
 */
final class MqttPvValues implements PvListener {

    /** One value of one PV; its topic and JSON are built only if it is sent, not for every value the throttle coalesces. */
    record Value(Pv pv, String prefix, PvValue value) {
        String json() {
            return Payloads.pv(value, pv.spec() == null ? null : pv.spec().unit());
        }
    }

    private final PluginRuntime runtime;
    private final PvThrottle<String, Value> throttle;
    /** PV prefix ({@code prefix:PLUGIN}) -> plugin name, checked against the model before each send */
    private final Map<String, String> plugins = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();

    /**
     * @param publish publishes a payload on a topic, QoS 0, not retained; false when not connected (nothing buffered)
     */
    MqttPvValues(PluginRuntime runtime, MqttSettings settings, long intervalNanos, PvThrottle.Scheduler scheduler,
            BiPredicate<String, byte[]> publish) {
        this.runtime = runtime;
        this.throttle = new PvThrottle<>(intervalNanos, System::nanoTime, scheduler, (pv, v) -> {
            Optional<String> plugin = owner(v.pv(), v.prefix());
            if (plugin.isEmpty()) {
                return;
            }
            if (publish.test(settings.pvTopic(plugin.get(), v.pv().name()), v.json().getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                sent.incrementAndGet();
            } else {
                notSent.incrementAndGet();
            }
        });
    }

    @Override
    public void changed(Pv pv, PvValue value) {
        String full = pv.fullName();
        String name = pv.name();
        if (full == null || name == null || value == null || full.length() <= name.length() || !full.endsWith(name)
                || full.charAt(full.length() - name.length() - 1) != ':') {
            return;
        }
        String prefix = full.substring(0, full.length() - name.length() - 1);
        if (plugin(prefix).isPresent()) {
            throttle.offer(full, new Value(pv, prefix, value));
        }
    }

    /**
     * The plugin that has the PV now. The cache may name a plugin removed since (another one, added with the same
     * {@code prefix:}, owns the PV), so it is checked against the running plugin's own PVs at each send (at most once
     * per PV per interval), and read again from the model when it does not hold.
     */
    private Optional<String> owner(Pv pv, String prefix) {
        Optional<String> cached = plugin(prefix);
        if (cached.isPresent() && runtime.running(cached.get()).filter(p -> p.pvs().contains(pv)).isPresent()) {
            return cached;
        }
        plugins.clear();
        return plugin(prefix);
    }

    private Optional<String> plugin(String prefix) {
        String known = plugins.get(prefix);
        if (known != null) {
            return Optional.of(known);
        }
        plugins.clear();
        for (PluginInfo p : runtime.plugins()) {
            if (p.pvPrefix() != null) {
                plugins.put(p.pvPrefix(), p.name());
            }
        }
        return Optional.ofNullable(plugins.get(prefix));
    }

    /** A plugin started, stopped or left: its prefix may now be another's. */
    void forget() {
        plugins.clear();
    }

    /** @return PV messages handed to the client */
    long sent() {
        return sent.get();
    }

    /** @return PV messages skipped: not connected */
    long notSent() {
        return notSent.get();
    }
}
