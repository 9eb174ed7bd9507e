package org.taskhost.runtime.internal.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.taskhost.api.messaging.Message;
import org.taskhost.api.messaging.MessageHandler;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.messaging.Subscription;
import org.taskhost.runtime.internal.services.Registrations;

/**
 * One plugin's {@link Messaging}: publishes through the broker service when there is one, keeps the plugin's
 * subscriptions so they can be made again when the service comes back, hands every message to the plugin's own
 * thread, and closes everything when the plugin stops.
 */
public final class PluginMessaging implements Messaging {

    static final String NO_BROKER = "no MQTT broker is configured (set TASKHOST_MQTT_URL or url in etc/org.taskhost.mqtt.cfg)";

    private final MessagingHub hub;
    private final Consumer<Delivery> deliver;
    private final Registrations<Messaging> registrations;

    /** A message for one of the plugin's handlers, to be run on the plugin's thread. */
    public record Delivery(String filter, MessageHandler handler, Message message) {
    }

    /**
     * @param hub the broker service
     * @param deliver runs a handler on the plugin's thread and logs what it throws
     */
    public PluginMessaging(MessagingHub hub, Consumer<Delivery> deliver) {
        this.hub = hub;
        this.deliver = deliver;
        this.registrations = new Registrations<>(hub);
    }

    @Override
    public boolean connected() {
        Messaging s = hub.service();
        return s != null && s.connected();
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        Messaging s = hub.service();
        if (s == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(NO_BROKER));
        }
        return s.publish(topic, payload, qos, retained);
    }

    @Override
    public Subscription subscribe(String filter, MessageHandler handler) {
        String problem = TopicFilter.problem(filter);
        if (problem != null) {
            throw new IllegalArgumentException("topic filter " + problem);
        }
        Registrations<Messaging>.Registration r = registrations.add(filter,
                s -> s.subscribe(filter, m -> deliver.accept(new Delivery(filter, handler, m))));
        return new Subscription() {
            @Override
            public String filter() {
                return filter;
            }

            @Override
            public void close() {
                r.close();
            }
        };
    }

    /** Closes every subscription; the plugin has stopped. */
    public void close() {
        registrations.close();
    }

    /** @return the plugin's open subscriptions' filters */
    public List<String> filters() {
        return registrations.labels();
    }
}
