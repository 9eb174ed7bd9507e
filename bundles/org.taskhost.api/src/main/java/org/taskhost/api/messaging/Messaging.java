package org.taskhost.api.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publish and subscribe on the broker taskhost is connected to (MQTT 3.1.1 topics and filters). Nothing here blocks:
 * a publish completes when the broker has it (QoS 1 and 2) or when it was sent (QoS 0).
 */
@ProviderType
public interface Messaging {

    /** @return whether the broker is connected now; a QoS 1 publish while it is not waits in the offline buffer */
    boolean connected();

    /**
     * @param topic the topic, without wildcards
     * @param payload the bytes
     * @param qos 0, 1 or 2
     * @param retained whether the broker keeps it for later subscribers
     * @return completes when delivered as the QoS says; fails with {@link IllegalArgumentException} for a bad topic
     *         or QoS, and with {@link IllegalStateException} when no broker is configured
     */
    CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    /**
     * Publishes UTF-8 text at QoS 1, not retained.
     *
     * @param topic the topic, without wildcards
     * @param text the text
     * @return as {@link #publish(String, byte[], int, boolean)}
     */
    default CompletionStage<Void> publish(String topic, String text) {
        return publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /**
     * Subscribes at QoS 1; the subscription is made again after every reconnect.
     *
     * @param filter a topic filter; {@code +} matches one level, a final {@code #} any number
     * @param handler called for every message, in order, never on the network thread
     * @return the subscription; close it to stop
     * @throws IllegalArgumentException if the filter is not valid
     */
    Subscription subscribe(String filter, MessageHandler handler);
}
