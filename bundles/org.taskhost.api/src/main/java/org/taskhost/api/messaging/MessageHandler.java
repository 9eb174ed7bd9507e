package org.taskhost.api.messaging;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of a {@link Messaging#subscribe subscription}. */
@ConsumerType
@FunctionalInterface
public interface MessageHandler {

    /**
     * @param message a message whose topic matches the subscription's filter
     * @throws Exception logged; the subscription goes on
     */
    void onMessage(Message message) throws Exception;
}
