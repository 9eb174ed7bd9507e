package org.taskhost.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.log.Logger;
import org.taskhost.api.JobResult;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.mqtt.internal.payloads.PutResult;
import org.taskhost.mqtt.internal.payloads.RunResult;
import org.taskhost.mqtt.internal.payloads.StateResult;

/**
 * Commands on {@code {root}/{node}/cmd/{plugin}/{command}}, each answered once on its reply topic (QoS 1, not
 * retained). The model does the work and refuses what it refuses (a paused plugin, a busy job, a put out of its
 * limits): the reply carries its words. Runs on the connection's dispatch thread and never waits there for a plugin.
 */
final class CommandHandler {

    private final PluginRuntime runtime;
    private final CommandPolicy policy;
    private final String base;
    private final MqttConnection connection;
    private final Logger log;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong repliesNotSent = new AtomicLong();

    CommandHandler(PluginRuntime runtime, CommandPolicy policy, String base, MqttConnection connection, Logger log) {
        this.runtime = runtime;
        this.policy = policy;
        this.base = base;
        this.connection = connection;
        this.log = log;
    }

    /**
     * Subscribes to the command topics even when no command is allowed, so that a refused command is answered with
     * the setting to change instead of vanishing; says once what is accepted.
     */
    void start() {
        connection.subscribe(CommandRequest.filter(base), m -> command(m.topic(), m.payload()));
        log.info(policy.summary(CommandRequest.filter(base)));
    }

    /** One command; every path ends in one reply and no exception leaves. */
    void command(String topic, byte[] payload) {
        received.incrementAndGet();
        CommandRequest r;
        try {
            r = CommandRequest.parse(base, topic, payload, policy);
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            log.warn("command on " + topic + " not understood: " + e);
            return;
        }
        if (r == null) {
            rejected.incrementAndGet();
            log.debug("not a command topic: " + topic);
            return;
        }
        if (!r.ok()) {
            reject(r, r.error());
            return;
        }
        try {
            Optional<ManagedPlugin> running = runtime.running(r.plugin());
            if (running.isEmpty()) {
                Optional<PluginInfo> info = runtime.plugin(r.plugin());
                reject(r, info.isEmpty() ? "unknown plugin '" + r.plugin() + "'"
                        : "plugin '" + r.plugin() + "' is not running (phase " + String.valueOf(info.get().state().phase()).toLowerCase(Locale.ROOT) + ")");
                return;
            }
            ManagedPlugin plugin = running.get();
            switch (r.command()) {
                case "enable" -> {
                    plugin.enable();
                    done(r, "enabled", stateResult(plugin));
                }
                case "disable" -> {
                    plugin.disable();
                    done(r, "disabled", stateResult(plugin));
                }
                case "trigger" -> {
                    plugin.trigger();
                    done(r, "triggered", stateResult(plugin));
                }
                case "run" -> plugin.trigger().whenComplete((result, e) -> {
                    if (e != null) {
                        reply(r, false, "the run failed: " + reason(unwrap(e)), null, failed);
                    } else if (result == null || result.success()) {
                        done(r, result == null ? "run ended" : result.message(), result(result));
                    } else {
                        reply(r, false, result.message(), result(result), failed);
                    }
                });
                case "put" -> put(r, plugin);
                default -> reject(r, "unknown command '" + r.command() + "'");
            }
        } catch (RuntimeException e) {
            // the model refused: paused, busy, failed, or a put out of its limits
            reject(r, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void put(CommandRequest r, ManagedPlugin plugin) {
        Optional<Pv> pv = plugin.pvs().stream().filter(p -> p.name().equals(r.pv())).findFirst();
        if (pv.isEmpty()) {
            reject(r, "plugin '" + r.plugin() + "' has no PV " + r.pv());
            return;
        }
        pv.get().put(r.value()).whenComplete((v, e) -> {
            if (e != null) {
                reply(r, false, "the plugin failed on the put: " + reason(unwrap(e)), null, failed);
            } else {
                done(r, "put " + r.pv(), new PutResult(r.pv(), pv.get().get()));
            }
        });
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    static String reason(Throwable e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause != null && cause != e ? " (" + cause + ")" : "");
    }

    private static StateResult stateResult(ManagedPlugin plugin) {
        var s = plugin.state();
        return new StateResult(s.status(), s.enabled(), s.cycles(), s.errors());
    }

    private static RunResult result(JobResult result) {
        return result == null ? null : new RunResult(result.success(), result.data(), result.message(), result.timestamp());
    }

    private void done(CommandRequest r, String message, Object result) {
        reply(r, true, message, result, done);
    }

    private void reject(CommandRequest r, String message) {
        log.info("command " + r.command() + " for " + r.plugin() + " refused: " + message);
        reply(r, false, message, null, rejected);
    }

    private void reply(CommandRequest r, boolean ok, String message, Object result, AtomicLong counter) {
        counter.incrementAndGet();
        String json;
        try {
            json = Json.write(r.reply(ok, message, result));
        } catch (RuntimeException e) {
            json = Json.write(r.reply(ok, message, null));
        }
        if (!connection.publishNow(r.replyTo(), json.getBytes(StandardCharsets.UTF_8), 1, false)) {
            repliesNotSent.incrementAndGet();
        }
    }

    void describe(Map<String, Object> m) {
        m.put("command_topics", CommandRequest.filter(base));
        m.put("commands_allowed", policy.describeCommands());
        m.put("command_plugins", policy.describePlugins());
        m.put("commands", received.get());
        m.put("commands_ok", done.get());
        m.put("commands_rejected", rejected.get());
        m.put("commands_failed", failed.get());
        m.put("replies_not_sent", repliesNotSent.get());
    }
}
