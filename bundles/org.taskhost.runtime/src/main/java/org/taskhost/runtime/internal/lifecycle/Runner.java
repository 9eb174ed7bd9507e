package org.taskhost.runtime.internal.lifecycle;

import java.util.concurrent.CompletionStage;

import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.runtime.internal.config.PluginDescriptor;

/** A plugin the runtime runs: started once when its bundle is active, stopped once when it goes. */
public interface Runner extends ManagedPlugin {

    /** Starts the plugin; never blocks on plugin code. */
    void start();

    /** Stops the plugin and runs its cleanup; returns when done or timed out. */
    void stop();

    /** @return completes with READY or FAILED when initialize() has ended (STOPPED if stopped before) */
    CompletionStage<PluginPhase> started();

    /** @return the lifecycle phase */
    PluginPhase phase();

    /** @return config.yaml with the parameters that apply now */
    PluginDescriptor config();
}
