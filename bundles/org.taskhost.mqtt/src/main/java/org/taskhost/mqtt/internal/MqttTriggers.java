package org.taskhost.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.log.Logger;
import org.taskhost.api.config.TriggerSpec;
import org.taskhost.api.messaging.Message;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * config.yaml's {@code - mqtt: <filter>} triggers: subscribed while their plugin runs. A message runs a triggered task
 * once or a job once; with an {@code input}, its value (or the JSON field named) is put there first, through the same
 * checks as a put over Channel Access, and for a reactive task that put is what runs it. A refused value or a paused
 * plugin is logged and counted; the plugin goes on.
 */
final class MqttTriggers implements PluginListener {

    private final PluginRuntime runtime;
    private final MqttConnection connection;
    private final Logger log;
    private final Map<String, List<Runnable>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal;

    MqttTriggers(PluginRuntime runtime, MqttConnection connection, Logger log) {
        this.runtime = runtime;
        this.connection = connection;
        this.log = log;
    }

    /** The plugins that run before this view started. */
    void start() {
        for (PluginInfo p : runtime.plugins()) {
            if (runtime.running(p.name()).isPresent()) {
                follow(p.name());
            }
        }
    }

    @Override
    public void pluginEvent(PluginEvent event) {
        switch (event.type()) {
            case STARTED -> follow(event.plugin());
            case STOPPED, REMOVED -> unfollow(event.plugin());
            default -> {
                // a state change keeps its triggers
            }
        }
    }

    private synchronized void follow(String plugin) {
        unfollow(plugin);
        List<TriggerSpec> triggers = runtime.plugin(plugin).flatMap(PluginInfo::config).map(c -> c.triggers()).orElse(List.of())
                .stream().filter(t -> TriggerSpec.MQTT.equals(t.type())).toList();
        if (triggers.isEmpty()) {
            return;
        }
        List<Runnable> closers = new ArrayList<>();
        for (TriggerSpec t : triggers) {
            closers.add(connection.subscribe(t.source(), m -> fire(plugin, t, m)));
        }
        subscriptions.put(plugin, closers);
        log.info(plugin + ": triggered by MQTT " + triggers.stream().map(TriggerSpec::source).toList());
    }

    private synchronized void unfollow(String plugin) {
        List<Runnable> closers = subscriptions.remove(plugin);
        if (closers != null) {
            closers.forEach(Runnable::run);
        }
    }

    private void fire(String plugin, TriggerSpec t, Message m) {
        Optional<ManagedPlugin> running = runtime.running(plugin);
        if (running.isEmpty()) {
            refuse(plugin, t, m, "the plugin is not running");
            return;
        }
        try {
            Object value = t.input() == null ? null : TriggerPayload.value(m.payload(), t.field());
            running.get().fire(t.input(), value).whenComplete((v, e) -> {
                if (e == null) {
                    fired.incrementAndGet();
                } else {
                    refuse(plugin, t, m, String.valueOf(CommandHandler.unwrap(e).getMessage()));
                }
            });
        } catch (RuntimeException e) {
            refuse(plugin, t, m, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void refuse(String plugin, TriggerSpec t, Message m, String why) {
        refused.incrementAndGet();
        lastRefusal = plugin + ": message on " + m.topic() + " not used: " + why;
        log.warn(plugin + ": trigger " + t.source() + ": message on " + m.topic() + " not used: " + why);
    }

    void describe(Map<String, Object> m) {
        Map<String, List<String>> filters = new java.util.TreeMap<>();
        for (String plugin : subscriptions.keySet()) {
            filters.put(plugin, runtime.plugin(plugin).flatMap(PluginInfo::config).map(c -> c.triggers()).orElse(List.of())
                    .stream().filter(t -> TriggerSpec.MQTT.equals(t.type())).map(TriggerSpec::source).toList());
        }
        m.put("triggers", filters);
        m.put("triggers_fired", fired.get());
        m.put("triggers_refused", refused.get());
        m.put("last_trigger_refusal", lastRefusal);
    }
}
