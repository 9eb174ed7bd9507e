package org.taskhost.mqtt.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.MqttException;
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
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.DataDirectory;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * The MQTT view: reads the settings, opens the {@link MqttConnection} and puts its parts on the whiteboard: the
 * {@link StatePublisher} and {@link MqttTriggers} (plugin events), {@link MqttPvValues} (PV values), the
 * {@link CommandHandler}, and the broker as a {@link Messaging} service for plugins. Off, with one line saying so,
 * unless a broker URL is set; a wrong setting is reported by name and the rest of taskhost runs.
 * <p>
 * The services are registered by hand once this component is active, not declared as DS services: the runtime that
 * binds listeners is the {@link PluginRuntime} this component needs, and DS services would make SCR activate the two
 * inside each other (SCR then refuses the listener: "Could not get service", and no event ever arrives).
 */
@Component(service = MqttView.class, immediate = true, configurationPid = "org.taskhost.mqtt",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MqttConfig.class)
public class MqttView {

    /** The name this bundle's lines carry: {@code [mqtt]}. */
    static final String LOGGER = "mqtt";

    private final Logger log;
    private final String version;
    private final Instant startedAt;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private MqttSettings settings;
    private ConnectionSettings connectionSettings;
    private long pvIntervalNanos = -1;
    private MqttConnection connection;
    private StatePublisher states;
    private CommandHandler commands;
    private MqttTriggers triggers;
    private MqttPvValues pvValues;
    private String offState;
    private String problem;
    private Instant problemAt;

    @Activate
    public MqttView(@Reference PluginRuntime runtime, @Reference LoggerFactory loggers, BundleContext context, MqttConfig config) {
        this.log = loggers.getLogger(LOGGER);
        this.version = context.getBundle().getVersion().toString();
        this.startedAt = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        CommandPolicy policy;
        try {
            settings = MqttSettings.resolve(config, MqttView::hostName);
            policy = CommandPolicy.resolve(config);
            if (!settings.enabled()) {
                off("off", null);
                log.info("MQTT off: no broker URL (set " + MqttSettings.URL + " or url in org.taskhost.mqtt.cfg)");
                return;
            }
            pvIntervalNanos = MqttSettings.pvIntervalNanos(config);
            connectionSettings = ConnectionSettings.resolve(config, DataDirectory.resolve("", none -> null, context::getProperty));
            connection = new MqttConnection(settings, connectionSettings, bytes(Payloads.offline(version, startedAt, "connection lost")), log);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // never a default in place of a wrong command setting: the whole view stays off, which serves no command
            off("not configured", e.getMessage());
            return;
        } catch (MqttException e) {
            off("not configured", MqttSettings.URL + ": " + e.getMessage());
            return;
        }
        String base = settings.root() + "/" + settings.node();
        commands = new CommandHandler(runtime, policy, base, connection, log);
        triggers = new MqttTriggers(runtime, connection, log);
        pvValues = new MqttPvValues(runtime, settings, pvIntervalNanos, connection::scheduleNanos,
                (topic, payload) -> connection.publishNow(topic, payload, 0, false));
        states = new StatePublisher(runtime, settings, connection, version, startedAt, pvValues::forget);
        registrations.add(context.registerService(PluginListener.class, states, null));
        registrations.add(context.registerService(PluginListener.class, triggers, null));
        registrations.add(context.registerService(PvListener.class, pvValues, null));
        registrations.add(context.registerService(Messaging.class, new BrokerMessaging(connection, log), null));
        commands.start();
        triggers.start();
        connection.start(states::announce);
    }

    private void off(String state, String why) {
        offState = state;
        problem = why;
        if (why != null) {
            problemAt = Instant.now();
            log.error("MQTT off: " + why);
        }
    }

    /** @return what {@code taskhost:mqtt} and {@code GET /api/v1/mqtt} show; never a password */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean on = connection != null;
        m.put("enabled", on);
        if (on) {
            connection.describe(m);
        } else {
            m.put("connection", offState);
            m.put("connected", false);
            m.put("last_error", problem);
            m.put("last_error_at", problemAt == null ? null : problemAt.toString());
        }
        boolean configured = settings != null && settings.url() != null;
        m.put("url", configured ? settings.url() : null);
        m.put("client_id", configured ? settings.clientId() : null);
        m.put("username", configured ? settings.username() : null);
        m.put("trust_store", connectionSettings == null || connectionSettings.trustStore() == null ? null : connectionSettings.trustStore().toString());
        m.put("root", configured ? settings.root() : null);
        m.put("node", configured ? settings.node() : null);
        m.put("status_topic", configured ? settings.statusTopic() : null);
        m.put("state_topics", configured ? settings.stateTopic("+") : null);
        m.put("pv_topics", configured ? settings.pvTopic("+", "+") : null);
        m.put("pv_interval", pvIntervalNanos < 0 ? null : pvIntervalNanos / 1e9);
        m.put("pv_messages", pvValues == null ? 0 : pvValues.sent());
        m.put("pv_not_sent", pvValues == null ? 0 : pvValues.notSent());
        if (states != null) {
            states.describe(m);
        }
        if (commands != null) {
            commands.describe(m);
        }
        if (triggers != null) {
            triggers.describe(m);
        }
        return m;
    }

    /** The offline status, retained, then a clean disconnect (so the broker does not send the Last Will). */
    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // the bundle is stopping: already gone
            }
        }
        if (states != null) {
            states.close();
        }
        if (connection != null) {
            connection.close(bytes(Payloads.offline(version, startedAt, "stopped")));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The node's default when neither TASKHOST_MQTT_NODE nor HOSTNAME (both mapped to node by etc/) is set. */
    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
