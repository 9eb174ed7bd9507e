package org.taskhost.rest.internal.answers;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A {@code plugin} event of {@code /api/v1/events}.
 *
 * @param plugin the plugin
 * @param type what happened (the event type)
 * @param live its fields that change as it runs, as in the plugin dict
 * @param timestamp when
 */
public record PluginChange(String plugin, String type, @JsonUnwrapped PluginLive live, Instant timestamp) {
}
