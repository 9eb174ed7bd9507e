package org.taskhost.api.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.handoff.Handoff;

/**
 * The model every view goes through: every plugin whose bundle is installed (running, failed or stopped), read from
 * memory, and the operations that change which of them run. Per-plugin operations (enable, disable, trigger, run,
 * parameters) are on the {@link ManagedPlugin} that {@link #running(String)} gives.
 */
@ProviderType
public interface PluginRuntime {

    /** @return every plugin, sorted by name */
    List<PluginInfo> plugins();

    /**
     * @param name a plugin name
     * @return the plugin, if its bundle is installed
     */
    Optional<PluginInfo> plugin(String name);

    /**
     * @param name a plugin name
     * @return the plugin's operations, if it was created (READY, INITIALIZING, or FAILED in initialize())
     */
    Optional<ManagedPlugin> running(String name);

    /**
     * Starts a stopped plugin and waits until its initialize() has ended (at most its {@code init_timeout} and a
     * little more). A plugin that does not become ready stays in phase FAILED, showing why; stop it to retry.
     * Starting a plugin that runs changes nothing.
     *
     * @param name a plugin name
     * @return the plugin, READY
     * @throws PluginOperationException NOT_FOUND for an unknown name, FAILED with the reason when it did not start
     */
    PluginInfo start(String name);

    /**
     * Stops a plugin: its cleanup() runs and its PVs go; it stays installed, in phase STOPPED.
     *
     * @param name a plugin name
     * @return the plugin, STOPPED
     * @throws PluginOperationException NOT_FOUND for an unknown name
     */
    PluginInfo stop(String name);

    /**
     * How the events of the model reach each view listener (plugin events, PVs added and removed, PV values): what
     * was delivered and what a slow listener lost, by the listener's name. A plugin's own losses are in its
     * {@link PluginState#dropped()}.
     *
     * @return the counts of each listener's hand-off
     * @since 1.3
     */
    default Map<String, Handoff.Counts> viewDeliveries() {
        return Map.of();
    }
}
