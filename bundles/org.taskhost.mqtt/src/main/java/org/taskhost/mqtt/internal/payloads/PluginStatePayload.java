package org.taskhost.mqtt.internal.payloads;

import java.time.Instant;

/**
 * {@code {root}/{node}/plugins/{name}/state}: the typed state.
 *
 * @param name the plugin
 * @param status the STATUS PV's name
 * @param statusIndex the STATUS PV's index
 * @param message the last message
 * @param enabled whether it is enabled
 * @param cycles cycles run
 * @param errors cycles failed
 * @param phase the typed phase in lower case
 * @param kind task or job; null if the model does not know the plugin
 * @param mode its mode in lower case; null if the model does not know the plugin
 * @param timestamp when the state changed
 */
public record PluginStatePayload(String name, String status, int statusIndex, String message, boolean enabled,
        long cycles, long errors, String phase, String kind, String mode, Instant timestamp) {
}
