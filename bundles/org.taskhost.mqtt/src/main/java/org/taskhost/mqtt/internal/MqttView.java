package org.taskhost.mqtt.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private volatile long retryMs = 1000;

    @Activate
    public MqttView(@Reference PluginRuntime runtime, @Reference LoggerFactory loggers, BundleContext context, MqttConfig config) {
        this.runtime = runtime;
        this.log = loggers.getLogger(LOGGER);
        this.version = context.getBundle().getVersion().toString();
        this.startedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        MqttSettings s = null;
        String problem = null;
        try {
            s = MqttSettings.resolve(System::getenv, config, MqttView::hostName);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null || !s.enabled()) {
            settings = s;
            client = null;
            options = null;
            scheduler = null;
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
            client = null;
            options = null;
            scheduler = null;
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
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                connection = "connected";
                retryMs = 1000;
                log.info((reconnect ? "reconnected to " : "connected to ") + serverURI + " as " + settings.clientId()
                        + ", status on " + settings.statusTopic());
                schedule(MqttView.this::announce, 0);
            }

            @Override
            public void connectionLost(Throwable cause) {
                connection = "reconnecting";
                error("connection lost: " + cause.getMessage(), true);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // nothing is subscribed yet
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // counted by the publish listener
            }
        });
        connection = "connecting";
        log.info("MQTT: connecting to " + s.url() + " as " + s.clientId());
        listener = context.registerService(PluginListener.class, this, null);
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
        try {
            scheduler.schedule(r, ms, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated
        }
    }

    private void publish(String topic, String json) {
        send(topic, bytes(json));
    }

    /** Retained, QoS 1, asynchronous; never throws: while disconnected the model is published again at reconnect. */
    private boolean send(String topic, byte[] payload) {
        if (!client.isConnected()) {
            skipped.incrementAndGet();
            log.debug("not connected: " + topic + " is published at reconnect");
            return false;
        }
        try {
            client.publish(topic, payload, 1, true, null, deliveries);
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
        try {
            listener.unregister();
        } catch (IllegalStateException e) {
            // the bundle is stopping: already gone
        }
        scheduler.shutdownNow();
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
