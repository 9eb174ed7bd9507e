package org.taskhost.api.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A message received on a subscription.
 *
 * @param topic the topic it was published on
 * @param payload its bytes (a copy: change it freely)
 * @param qos the QoS it arrived with
 * @param retained whether the broker kept it from before the subscription
 */
public record Message(String topic, byte[] payload, int qos, boolean retained) {

    /** Checks the fields. */
    public Message {
        Objects.requireNonNull(topic, "topic");
        payload = payload == null ? new byte[0] : payload.clone();
    }

    /** @return the payload as UTF-8 text */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}
