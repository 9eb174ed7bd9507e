package org.taskhost.mqtt.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What {@link StatePublisher} needs of the broker connection; a seam so that its ordering can be tested without one. */
interface StateSink {

    /** QoS 1 messages wait in the offline buffer while the broker is away; sent in the order of the calls. */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    /** @return false when not connected: the message is not sent */
    boolean publishNow(String topic, byte[] payload, int qos, boolean retained);

    boolean connected();

    /**
     * Waits until the in-flight window has room for another message, or the broker is away (then messages go to the
     * offline buffer at once).
     *
     * @param maxMillis the longest wait
     * @return whether there is room now
     */
    boolean awaitRoom(long maxMillis) throws InterruptedException;

    /** @return the topics of the messages waiting in the offline buffer */
    List<String> bufferedTopics();
}
