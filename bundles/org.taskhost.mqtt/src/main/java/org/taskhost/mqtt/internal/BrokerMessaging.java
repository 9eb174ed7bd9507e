package org.taskhost.mqtt.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.osgi.service.log.Logger;
import org.taskhost.api.messaging.MessageHandler;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.messaging.Subscription;

/**
 * The broker as a {@link Messaging} service, which the runtime hands to plugins through their context: QoS 1 and 2
 * go through the offline buffer, QoS 0 is sent now or fails; every subscription is made again after a reconnect.
 */
final class BrokerMessaging implements Messaging {

    private final MqttConnection connection;
    private final Logger log;

    BrokerMessaging(MqttConnection connection, Logger log) {
        this.connection = connection;
        this.log = log;
    }

    @Override
    public boolean connected() {
        return connection.connected();
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        String problem = topicProblem(topic);
        if (problem == null && (qos < 0 || qos > 2)) {
            problem = "qos must be 0, 1 or 2, got " + qos;
        }
        if (problem != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem));
        }
        byte[] bytes = payload == null ? new byte[0] : payload.clone();
        if (qos > 0) {
            return connection.publish(topic, bytes, qos, retained);
        }
        return connection.publishNow(topic, bytes, 0, retained) ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("not connected to the broker: a QoS 0 message is not kept"));
    }

    @Override
    public Subscription subscribe(String filter, MessageHandler handler) {
        try {
            MqttTopic.validate(filter, true);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("topic filter '" + filter + "': " + e.getMessage());
        }
        Runnable close = connection.subscribe(filter, m -> {
            try {
                handler.onMessage(m);
            } catch (Exception e) {
                log.warn("a handler of " + filter + " failed on " + m.topic() + ": " + e);
            }
        });
        return new Subscription() {
            private boolean closed;

            @Override
            public String filter() {
                return filter;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    close.run();
                }
            }
        };
    }

    /** @return what is wrong with a topic to publish on (Paho's own check: length, no wildcards; and no NUL), or null */
    static String topicProblem(String topic) {
        if (topic == null || topic.isEmpty()) {
            return "the topic must not be empty";
        }
        try {
            MqttTopic.validate(topic, false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return "topic '" + topic + "': " + e.getMessage();
        }
        return topic.indexOf('\0') >= 0 ? "the topic must not contain a NUL character" : null;
    }
}
