package org.taskhost.api.device;

import org.osgi.annotation.versioning.ProviderType;

/** Ends a listener's registration. Closing twice does nothing. */
@ProviderType
public interface ListenerHandle extends AutoCloseable {

    /** Removes the listener; it hears nothing more once this returns. */
    @Override
    void close();
}
