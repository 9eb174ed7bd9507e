package org.taskhost.api.messaging;

import org.osgi.annotation.versioning.ProviderType;

/** A subscription made by {@link Messaging#subscribe}; closing it twice does nothing. */
@ProviderType
public interface Subscription extends AutoCloseable {

    /** @return the topic filter */
    String filter();

    /** Stops the messages; never throws. */
    @Override
    void close();
}
