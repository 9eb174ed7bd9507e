package org.taskhost.api.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service: the runtime tells every registered listener of every {@link PluginEvent}, in order, on the
 * listener's own thread.
 */
@ConsumerType
@FunctionalInterface
public interface PluginListener {

    /** @param event what happened; a slow listener delays only itself */
    void pluginEvent(PluginEvent event);
}
