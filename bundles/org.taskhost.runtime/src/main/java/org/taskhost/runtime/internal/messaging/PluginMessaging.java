package org.taskhost.runtime.internal.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.taskhost.runtime.internal.services.ServiceHub;
import org.taskhost.api.messaging.Message;
import org.taskhost.api.messaging.MessageHandler;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.messaging.Subscription;

/**
 * One plugin's {@link Messaging}: publishes through the broker service when there is one, keeps the plugin's
 * subscriptions so they can be made again when the service comes back, hands every message to the plugin's own
 * thread, and closes everything when the plugin stops.
 */
public final class PluginMessaging implements Messaging, ServiceHub.Follower {

    static final String NO_BROKER = "no MQTT broker is configured (set TASKHOST_MQTT_URL or url in etc/org.taskhost.mqtt.cfg)";

    private final MessagingHub hub;
    private final Consumer<Delivery> deliver;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

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
        hub.add(this);
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
        if (closed) {
            throw new IllegalStateException("the plugin has stopped");
        }
        String problem = TopicFilter.problem(filter);
        if (problem != null) {
            throw new IllegalArgumentException("topic filter " + problem);
        }
        Entry e = new Entry(filter, handler);
        entries.add(e);
        e.open();
        return e;
    }

    /** The broker service came or went: subscribe again on the new one. */
    @Override
    public void serviceChanged() {
        for (Entry e : entries) {
            e.reopen();
        }
    }

    /** Closes every subscription; the plugin has stopped. */
    public void close() {
        closed = true;
        hub.remove(this);
        for (Entry e : entries) {
            e.close();
        }
    }

    /** @return the plugin's open subscriptions' filters */
    public List<String> filters() {
        return entries.stream().map(Entry::filter).toList();
    }

    private final class Entry implements Subscription {
        private final String filter;
        private final MessageHandler handler;
        private Subscription delegate;
        private boolean open = true;

        Entry(String filter, MessageHandler handler) {
            this.filter = filter;
            this.handler = handler;
        }

        synchronized void open() {
            Messaging s = hub.service();
            if (open && s != null) {
                delegate = s.subscribe(filter, m -> deliver.accept(new Delivery(filter, handler, m)));
            }
        }

        synchronized void reopen() {
            delegate = null;
            open();
        }

        @Override
        public String filter() {
            return filter;
        }

        @Override
        public synchronized void close() {
            open = false;
            entries.remove(this);
            if (delegate != null) {
                try {
                    delegate.close();
                } catch (RuntimeException e) {
                    // the service is going away: its subscriptions go with it
                }
                delegate = null;
            }
        }
    }
}
