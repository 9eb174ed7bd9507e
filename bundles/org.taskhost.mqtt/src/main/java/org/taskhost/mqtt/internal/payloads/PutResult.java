package org.taskhost.mqtt.internal.payloads;

/**
 * The result of a {@code put}.
 *
 * @param pv the PV
 * @param value its value after the put
 */
public record PutResult(String pv, Object value) {
}
