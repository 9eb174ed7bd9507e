package org.taskhost.runtime.internal.lifecycle;

import org.taskhost.api.runtime.ManagedPlugin;

/** A plugin the runtime runs: started once when its bundle is active, stopped once when it goes. */
public interface Runner extends ManagedPlugin {

    /** Starts the plugin; never blocks on plugin code. */
    void start();

    /** Stops the plugin and runs its cleanup; returns when done or timed out. */
    void stop();
}
