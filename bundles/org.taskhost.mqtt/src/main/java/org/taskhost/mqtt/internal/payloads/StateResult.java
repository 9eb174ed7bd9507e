package org.taskhost.mqtt.internal.payloads;

/**
 * The result of a command that changes a plugin's state.
 *
 * @param status the STATUS PV's name
 * @param enabled whether it is enabled
 * @param cycles cycles run
 * @param errors cycles failed
 */
public record StateResult(String status, boolean enabled, long cycles, long errors) {
}
