package org.taskhost.api.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/** A whiteboard service: the runtime tells every registered listener of every {@link PluginEvent}. */
@ConsumerType
@FunctionalInterface
public interface PluginListener {

    /** @param event what happened; must return quickly */
    void pluginEvent(PluginEvent event);
}
