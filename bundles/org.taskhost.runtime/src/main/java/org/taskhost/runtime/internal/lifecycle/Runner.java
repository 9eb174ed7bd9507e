package org.taskhost.runtime.internal.lifecycle;

import java.util.concurrent.CompletionStage;

import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.runtime.internal.config.PluginDescriptor;

/** A plugin the runtime runs: started once when its bundle is active, stopped once when it goes. */
public interface Runner extends ManagedPlugin {

    /** Starts the plugin; never blocks on plugin code. */
    void start();

    /**
     * Tells the views of a lifecycle event, with the state as it is when told: ordered with the plugin's own changes
     * of state, so that no view receives an older state after a newer one.
     */
    void announce(PluginEvent.Type type);

    /** Stops the plugin and runs its cleanup; returns when done or timed out. */
    void stop();

    /** @return completes with READY or FAILED when initialize() has ended (STOPPED if stopped before) */
    CompletionStage<PluginPhase> started();

    /** @return the lifecycle phase */
    PluginPhase phase();

    /** @return config.yaml with the parameters that apply now */
    PluginDescriptor config();
}
