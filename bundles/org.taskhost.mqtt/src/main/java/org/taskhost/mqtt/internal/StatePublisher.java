package org.taskhost.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PluginState;

/**
 * taskhost's birth on {@code {root}/{node}/status} and every plugin's state on {@code {root}/{node}/plugins/{name}/state},
 * retained, QoS 1, from the model's events. A {@link PluginListener}: the runtime calls it on its own thread, and it
 * never waits there for the network. While the broker is away the states go to the offline buffer; at every connect
 * the status and the state of every plugin are published again, and topics of plugins removed meanwhile cleared.
 */
final class StatePublisher implements PluginListener, AutoCloseable {

    private final PluginRuntime runtime;
    private final MqttSettings settings;
    private final StateSink connection;
    private final StateQueue queue;
    private final String version;
    private final Instant startedAt;
    /** the plugins whose state topic holds a retained state (or will, once the buffer is sent) */
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    /** kind and mode of each plugin, which change only when it starts again: a state change needs no model lookup */
    private final Map<String, PluginInfo> known = new ConcurrentHashMap<>();
    private final Runnable lifecycle;
    private volatile int announcedPlugins = -1;
    /**
     * Orders the states of a plugin on the broker: an announce's snapshot taken before an event must not be published
     * after the event's newer state, or the retained state stays old. Held only while handing messages to the
     * connection, which never waits for the network.
     */
    private final Object order = new Object();

    /** @param lifecycle told when a plugin starts, stops or leaves (the PV values' names follow) */
    StatePublisher(PluginRuntime runtime, MqttSettings settings, StateSink connection, String version, Instant startedAt,
            Runnable lifecycle) {
        this.lifecycle = lifecycle;
        this.runtime = runtime;
        this.settings = settings;
        this.connection = connection;
        this.queue = new StateQueue(connection);
        this.version = version;
        this.startedAt = startedAt;
        String base = settings.root() + "/" + settings.node() + "/plugins/";
        for (String topic : connection.bufferedTopics()) {
            if (topic.startsWith(base) && topic.endsWith("/state")) {
                String plugin = topic.substring(base.length(), topic.length() - "/state".length());
                if (!plugin.isEmpty() && !plugin.contains("/")) {
                    published.add(plugin);
                }
            }
        }
    }

    /** At every (re)connect: online, the state of every plugin, and clears for plugins removed meanwhile. */
    void announce() {
        synchronized (order) {
            announceInOrder();
        }
    }

    private void announceInOrder() {
        var plugins = runtime.plugins();
        announcedPlugins = plugins.size();
        connection.publishNow(settings.statusTopic(), bytes(Payloads.online(version, plugins.size(), startedAt)), 1, true);
        Instant now = Instant.now();
        for (PluginInfo p : plugins) {
            publish(p.name(), p.state(), p, now);
        }
        Set<String> names = plugins.stream().map(PluginInfo::name).collect(Collectors.toSet());
        for (String name : Set.copyOf(published)) {
            if (!names.contains(name)) {
                clear(name);
            }
        }
    }

    @Override
    public void pluginEvent(PluginEvent event) {
        synchronized (order) {
            publishEvent(event);
        }
        if (event.type() != PluginEvent.Type.STATE_CHANGED) {
            lifecycle.run();
            reannounce();
        }
    }

    private void publishEvent(PluginEvent event) {
        String name = event.plugin();
        boolean changeOnly = event.type() == PluginEvent.Type.STATE_CHANGED;
        PluginInfo cached = changeOnly ? known.get(name) : null;
        Optional<PluginInfo> info = cached != null ? Optional.of(cached) : runtime.plugin(name);
        if (event.type() == PluginEvent.Type.REMOVED || info.isEmpty()) {
            known.remove(name);
            clear(name);
        } else {
            known.put(name, info.get());
            publish(name, event.state(), info.get(), event.timestamp());
        }
    }

    private void publish(String name, PluginState state, PluginInfo info, Instant at) {
        published.add(name);
        queue.offer(settings.stateTopic(name), () -> bytes(Payloads.state(name, state, info, at)), sent -> { });
    }

    /** The empty retained message removes the topic; without a buffer a clear that could not be sent waits for the next connect. */
    private void clear(String name) {
        if (published.remove(name)) {
            queue.offer(settings.stateTopic(name), () -> new byte[0], sent -> sent.whenComplete((v, e) -> {
                if (e != null && runtime.plugin(name).isEmpty()) {
                    published.add(name);
                }
            }));
        }
    }

    /** The status again when the number of plugins changed. */
    private void reannounce() {
        int n = runtime.plugins().size();
        if (n != announcedPlugins && connection.connected()) {
            announcedPlugins = n;
            connection.publishNow(settings.statusTopic(), bytes(Payloads.online(version, n, startedAt)), 1, true);
        }
    }

    /** What {@code taskhost:mqtt} shows of the states. */
    void describe(Map<String, Object> m) {
        m.put("states_waiting", queue.waiting());
        m.put("states_superseded", queue.superseded());
        m.put("states_failed", queue.failed());
    }

    /** Hands the states still waiting to the connection (its offline buffer keeps them across a restart). */
    @Override
    public void close() {
        queue.close();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
