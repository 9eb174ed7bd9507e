package org.taskhost.mqtt.internal.payloads;

import java.time.Instant;

/**
 * {@code {root}/{node}/plugins/{plugin}/pvs/{PV}}: one value.
 *
 * @param value the value (a waveform as an array; a number that is not finite as null)
 * @param timestamp when it was set
 * @param severity its alarm severity
 * @param unit the PV's unit; null when it has none
 */
public record PvPayload(Object value, Instant timestamp, String severity, String unit) {
}
