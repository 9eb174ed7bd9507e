package org.taskhost.api.runtime;

import java.time.Instant;

/**
 * A change of a plugin's lifecycle or state.
 *
 * @param plugin the plugin name
 * @param type what happened
 * @param state the state after the change (for {@link Type#REMOVED}: the last one, phase STOPPED)
 * @param timestamp when it happened
 */
public record PluginEvent(String plugin, Type type, PluginState state, Instant timestamp) {

    /** Kinds of events. */
    public enum Type {
        /** the plugin's bundle became active and the plugin was created */
        STARTED,
        /** STATUS, MESSAGE or ENABLE changed */
        STATE_CHANGED,
        /** the plugin stopped and was cleaned up */
        STOPPED,
        /** the plugin's bundle was uninstalled: the model no longer has it */
        REMOVED
    }
}
