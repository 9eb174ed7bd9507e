package org.taskhost.mqtt.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.taskhost.api.JobResult;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * The MQTT view: taskhost's birth and death on {@code {root}/{node}/status} and every plugin's state on
 * {@code {root}/{node}/plugins/{name}/state}, retained, QoS 1. A {@link PluginListener} on the whiteboard: the
 * runtime calls it on its own thread, and it never waits there for the network (Paho publishes asynchronously).
 * While disconnected nothing is buffered: the state of every plugin is published again from the model at each
 * (re)connect. Off, with one line saying so, unless a broker URL is set.
 * <p>
 * The listener is registered by hand once this component is active, not declared as a DS service: the runtime that
 * binds listeners is the {@link PluginRuntime} this component needs, and a DS service would make SCR activate the two
 * inside each other (SCR then refuses the listener: "Could not get service", and no event ever arrives).
 */
@Component(service = MqttView.class, immediate = true, configurationPid = "org.taskhost.mqtt",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MqttConfig.class)
public class MqttView implements PluginListener {

    /** The name this bundle's lines carry: {@code [mqtt]}. */
    static final String LOGGER = "mqtt";
    static final long MAX_RETRY_MS = 30_000;

    private final Logger log;
    private final PluginRuntime runtime;
    private final MqttSettings settings;
    private final String version;
    private final Instant startedAt;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ScheduledExecutorService scheduler;
    /** where commands run, off Paho's callback thread; bounded, a command beyond the bound is refused */
    private final ExecutorService commandExecutor;
    private final CommandPolicy policy;
    private final AtomicLong commandsReceived = new AtomicLong();
    private final AtomicLong commandsDone = new AtomicLong();
    private final AtomicLong commandsRejected = new AtomicLong();
    private final AtomicLong commandsFailed = new AtomicLong();
    private final AtomicLong repliesNotSent = new AtomicLong();
    /** the plugins whose state topic holds a retained state */
    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final IMqttActionListener deliveries = new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
            delivered.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
            failed.incrementAndGet();
            error("publish failed: " + e.getMessage(), false);
        }
    };
    private volatile String connection;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile int announcedPlugins = -1;
    private volatile boolean closed;
    private ServiceRegistration<PluginListener> listener;
    private ServiceRegistration<PvListener> pvListener;
    private final long pvIntervalNanos;
    private final MqttPvValues pvValues;
    private volatile long retryMs = 1000;

    @Activate
    public MqttView(@Reference PluginRuntime runtime, @Reference LoggerFactory loggers, BundleContext context, MqttConfig config) {
        this.runtime = runtime;
        this.log = loggers.getLogger(LOGGER);
        this.version = context.getBundle().getVersion().toString();
        this.startedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        MqttSettings s = null;
        CommandPolicy cp = null;
        String problem = null;
        long interval = -1;
        try {
            s = MqttSettings.resolve(System::getenv, config, MqttView::hostName);
            cp = CommandPolicy.resolve(System::getenv, config.commands(), config.command__plugins());
            if (s.enabled()) {
                interval = MqttSettings.pvIntervalNanos(System::getenv, config);
            }
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        policy = cp;
        pvIntervalNanos = interval;
        if (problem != null || !s.enabled()) {
            settings = s;
            pvValues = null;
            client = null;
            options = null;
            scheduler = null;
            commandExecutor = null;
            if (problem != null) {
                connection = "not configured";
                lastError = problem;
                lastErrorAt = Instant.now();
                log.error("MQTT off: " + problem);
            } else {
                connection = "off";
                log.info("MQTT off: no broker URL (set " + MqttSettings.URL + " or url in org.taskhost.mqtt.cfg)");
            }
            return;
        }
        settings = s;
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            pvValues = null;
            client = null;
            options = null;
            scheduler = null;
            commandExecutor = null;
            connection = "not configured";
            lastError = MqttSettings.URL + ": " + e.getMessage();
            lastErrorAt = Instant.now();
            log.error("MQTT off: " + lastError);
            return;
        }
        client = c;
        options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) MAX_RETRY_MS);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setWill(s.statusTopic(), bytes(Payloads.offline(version, startedAt, "connection lost")), 1, true);
        if (s.username() != null) {
            options.setUserName(s.username());
        }
        if (s.password() != null) {
            options.setPassword(s.password().toCharArray());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("taskhost-mqtt").factory());
        commandExecutor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
                Thread.ofPlatform().daemon().name("taskhost-mqtt-commands").factory());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                connection = "connected";
                retryMs = 1000;
                log.info((reconnect ? "reconnected to " : "connected to ") + serverURI + " as " + settings.clientId()
                        + ", status on " + settings.statusTopic());
                schedule(MqttView.this::announce, 0);
                schedule(MqttView.this::subscribeCommands, 0);
            }

            @Override
            public void connectionLost(Throwable cause) {
                connection = "reconnecting";
                error("connection lost: " + cause.getMessage(), true);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // Paho's thread: never blocks nor throws here
                try {
                    byte[] payload = message.getPayload();
                    commandExecutor.execute(() -> command(topic, payload));
                } catch (RejectedExecutionException e) {
                    commandsRejected.incrementAndGet();
                    log.warn("command on " + topic + " dropped: " + (closed ? "stopping" : "more than 1000 commands waiting"));
                } catch (RuntimeException e) {
                    commandsRejected.incrementAndGet();
                    log.warn("command on " + topic + " dropped: " + e);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // counted by the publish listener
            }
        });
        connection = "connecting";
        log.info("MQTT: connecting to " + s.url() + " as " + s.clientId());
        listener = context.registerService(PluginListener.class, this, null);
        pvValues = new MqttPvValues(runtime, s, interval, (task, nanos) -> schedule(task, nanos, TimeUnit.NANOSECONDS),
                (topic, payload) -> !closed && client.isConnected() && send(topic, payload, false, 0));
        pvListener = context.registerService(PvListener.class, pvValues, null);
        schedule(this::connect, 0);
    }

    /** The first connection; Paho's automatic reconnect takes over only after one succeeded, so failures retry here. */
    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete announces
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryLater("cannot connect to " + settings.url() + ": " + reason(e));
                }
            });
        } catch (MqttException e) {
            retryLater("cannot connect to " + settings.url() + ": " + reason(e));
        }
    }

    private void retryLater(String message) {
        if (closed) {
            return;
        }
        connection = "connecting (retry in " + retryMs / 1000 + " s)";
        error(message + "; retrying in " + retryMs / 1000 + " s", true);
        try {
            scheduler.schedule(this::connect, retryMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }

    /** At every (re)connect: a clean session has no subscriptions left (and Paho does not restore them). */
    private void subscribeCommands() {
        if (closed || policy.commands().isEmpty()) {
            return;
        }
        String filter = CommandRequest.filter(base());
        try {
            client.subscribe(filter, 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] qos = token.getGrantedQos();
                    if (qos != null && qos.length > 0 && qos[0] == 0x80) {
                        error("the broker refused the subscription to " + filter, true);
                    } else {
                        log.info("commands on " + filter + " (" + policy.describeCommands() + "; plugins " + policy.describePlugins() + ")");
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    error("cannot subscribe to " + filter + ": " + reason(e), true);
                }
            });
        } catch (MqttException | RuntimeException e) {
            error("cannot subscribe to " + filter + ": " + reason(e), true);
        }
    }

    private String base() {
        return settings.root() + "/" + settings.node();
    }

    /** One command, on the command executor; every path ends in one reply and no exception leaves. */
    void command(String topic, byte[] payload) {
        commandsReceived.incrementAndGet();
        CommandRequest r;
        try {
            r = CommandRequest.parse(base(), topic, payload, policy);
        } catch (RuntimeException e) {
            commandsRejected.incrementAndGet();
            log.warn("command on " + topic + " not understood: " + e);
            return;
        }
        if (r == null) {
            commandsRejected.incrementAndGet();
            log.debug("not a command topic: " + topic);
            return;
        }
        if (!r.ok()) {
            reject(r, r.error());
            return;
        }
        try {
            if (runtime.running(r.plugin()).isEmpty()) {
                Optional<PluginInfo> info = runtime.plugin(r.plugin());
                reject(r, info.isEmpty() ? "unknown plugin '" + r.plugin() + "'"
                        : "plugin '" + r.plugin() + "' is not running (phase " + String.valueOf(info.get().state().phase()).toLowerCase(java.util.Locale.ROOT) + ")");
                return;
            }
            ManagedPlugin plugin = runtime.running(r.plugin()).get();
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
                        failed(r, "the run failed: " + reason(unwrap(e)));
                    } else {
                        Map<String, Object> res = result(result);
                        if (result == null || result.success()) {
                            done(r, result == null ? "run ended" : result.message(), res);
                        } else {
                            replyFailed(r, result.message(), res);
                        }
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
        CompletionStage<Void> handled = pv.get().put(r.value());
        handled.whenComplete((v, e) -> {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("pv", r.pv());
            res.put("value", pv.get().get());
            if (e != null) {
                failed(r, "the plugin failed on the put: " + reason(unwrap(e)));
            } else {
                done(r, "put " + r.pv(), res);
            }
        });
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static Map<String, Object> stateResult(ManagedPlugin plugin) {
        Map<String, Object> m = new LinkedHashMap<>();
        var s = plugin.state();
        m.put("status", s.status());
        m.put("enabled", s.enabled());
        m.put("cycles", s.cycles());
        m.put("errors", s.errors());
        return m;
    }

    private static Map<String, Object> result(JobResult result) {
        if (result == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", result.success());
        m.put("data", result.data());
        m.put("message", result.message());
        m.put("timestamp", result.timestamp() == null ? null : result.timestamp().toString());
        return m;
    }

    private void done(CommandRequest r, String message, Object result) {
        commandsDone.incrementAndGet();
        reply(r, true, message, result);
    }

    private void failed(CommandRequest r, String message) {
        replyFailed(r, message, null);
    }

    private void replyFailed(CommandRequest r, String message, Object result) {
        commandsFailed.incrementAndGet();
        reply(r, false, message, result);
    }

    private void reject(CommandRequest r, String message) {
        commandsRejected.incrementAndGet();
        log.info("command " + r.command() + " for " + r.plugin() + " refused: " + message);
        reply(r, false, message, null);
    }

    /** QoS 1, not retained. */
    private void reply(CommandRequest r, boolean ok, String message, Object result) {
        String json;
        try {
            json = Json.object(r.reply(ok, message, result));
        } catch (RuntimeException e) {
            json = Json.object(r.reply(ok, message, null));
        }
        if (!send(r.replyTo(), bytes(json), false)) {
            repliesNotSent.incrementAndGet();
        }
    }

    /** At every (re)connect: online, the state of every plugin, and clears for plugins removed meanwhile. */
    private void announce() {
        if (closed) {
            return;
        }
        var plugins = runtime.plugins();
        announcedPlugins = plugins.size();
        publish(settings.statusTopic(), Payloads.online(version, plugins.size(), startedAt));
        Instant now = Instant.now();
        for (PluginInfo p : plugins) {
            publish(settings.stateTopic(p.name()), Payloads.state(p.name(), p.state(), p, now));
            published.add(p.name());
        }
        sweep();
    }

    @Override
    public void pluginEvent(PluginEvent event) {
        if (client == null || closed) {
            return;
        }
        String name = event.plugin();
        Optional<PluginInfo> info = runtime.plugin(name);
        if (event.type() == PluginEvent.Type.REMOVED || info.isEmpty()) {
            clear(name);
        } else {
            publish(settings.stateTopic(name), Payloads.state(name, event.state(), info.get(), event.timestamp()));
            published.add(name);
        }
        if (event.type() != PluginEvent.Type.STATE_CHANGED) {
            reannounce();
        }
    }

    /** Clears the topics of plugins the model no longer has. */
    private void sweep() {
        Set<String> names = runtime.plugins().stream().map(PluginInfo::name).collect(Collectors.toSet());
        for (String name : Set.copyOf(published)) {
            if (!names.contains(name)) {
                clear(name);
            }
        }
        reannounce();
    }

    /** The status again when the number of plugins changed. */
    private void reannounce() {
        int n = runtime.plugins().size();
        if (n != announcedPlugins && client.isConnected()) {
            announcedPlugins = n;
            publish(settings.statusTopic(), Payloads.online(version, n, startedAt));
        }
    }

    private void clear(String name) {
        if (published.remove(name) || client.isConnected()) {
            if (!send(settings.stateTopic(name), new byte[0])) {
                published.add(name); // cleared at the next connect
            }
        }
    }

    private void schedule(Runnable r, long ms) {
        schedule(r, ms, TimeUnit.MILLISECONDS);
    }

    private void schedule(Runnable r, long delay, TimeUnit unit) {
        try {
            scheduler.schedule(r, delay, unit);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated
        }
    }

    private void publish(String topic, String json) {
        send(topic, bytes(json));
    }

    private boolean send(String topic, byte[] payload) {
        return send(topic, payload, true);
    }

    /** Retained, QoS 1, asynchronous; never throws: while disconnected the model is published again at reconnect. */
    private boolean send(String topic, byte[] payload, boolean retained) {
        return send(topic, payload, retained, 1);
    }

    /** Asynchronous; never throws; false (counted in not_sent) when not connected. */
    private boolean send(String topic, byte[] payload, boolean retained, int qos) {
        if (!client.isConnected()) {
            skipped.incrementAndGet();
            log.debug("not connected: " + topic + " is published at reconnect");
            return false;
        }
        try {
            client.publish(topic, payload, qos, retained, null, deliveries);
            return true;
        } catch (MqttException | RuntimeException e) {
            skipped.incrementAndGet();
            log.debug("not published on " + topic + ": " + reason(e));
            return false;
        }
    }

    private void error(String message, boolean warn) {
        boolean repeated = message.equals(lastError);
        lastError = message;
        lastErrorAt = Instant.now();
        if (warn && !repeated) {
            log.warn(message);
        } else {
            log.debug(message);
        }
    }

    /** @return what {@code taskhost:mqtt} and {@code GET /api/v1/mqtt} show; never the password */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", client != null);
        m.put("connection", connection);
        m.put("connected", client != null && client.isConnected());
        m.put("url", settings == null ? null : settings.url());
        m.put("client_id", settings == null ? null : settings.clientId());
        m.put("username", settings == null ? null : settings.username());
        m.put("root", settings == null ? null : settings.root());
        m.put("node", settings == null ? null : settings.node());
        m.put("status_topic", settings == null || settings.url() == null ? null : settings.statusTopic());
        m.put("state_topics", settings == null || settings.url() == null ? null : settings.stateTopic("+"));
        m.put("published", delivered.get());
        m.put("failed", failed.get());
        m.put("not_sent", skipped.get());
        boolean on = client != null && policy != null;
        m.put("pv_topics", settings == null || settings.url() == null ? null : settings.pvTopic("+", "+"));
        m.put("pv_interval", pvIntervalNanos < 0 ? null : pvIntervalNanos / 1e9);
        m.put("pv_messages", pvValues == null ? 0 : pvValues.sent());
        m.put("pv_not_sent", pvValues == null ? 0 : pvValues.notSent());
        m.put("command_topics", on && !policy.commands().isEmpty() ? CommandRequest.filter(base()) : null);
        m.put("commands_allowed", policy == null ? null : policy.describeCommands());
        m.put("command_plugins", policy == null ? null : policy.describePlugins());
        m.put("commands", commandsReceived.get());
        m.put("commands_ok", commandsDone.get());
        m.put("commands_rejected", commandsRejected.get());
        m.put("commands_failed", commandsFailed.get());
        m.put("replies_not_sent", repliesNotSent.get());
        m.put("last_error", lastError);
        m.put("last_error_at", lastErrorAt == null ? null : lastErrorAt.toString());
        return m;
    }

    /** The offline status, retained, then a clean disconnect (so the broker does not send the Last Will). */
    @Deactivate
    void deactivate() {
        closed = true;
        if (client == null) {
            return;
        }
        for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {pvListener, listener}) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping: already gone
            }
        }
        scheduler.shutdownNow();
        commandExecutor.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(settings.statusTopic(), bytes(Payloads.offline(version, startedAt, "stopped")), 1, true)
                        .waitForCompletion(3000);
                client.disconnect(1000).waitForCompletion(3000);
                log.info("MQTT: offline published, disconnected from " + settings.url());
            }
        } catch (MqttException e) {
            log.warn("MQTT: no clean disconnect: " + reason(e));
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                log.debug("close: " + reason(e));
            }
            connection = "closed";
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause != null && cause != e ? " (" + cause + ")" : "");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
