package org.taskhost.mqtt.internal.payloads;

import java.time.Instant;

/**
 * {@code {root}/{node}/status} while connected.
 *
 * @param online true
 * @param version taskhost's version
 * @param plugins how many plugins the model knows
 * @param startedAt when taskhost started
 */
public record NodeOnline(boolean online, String version, int plugins, Instant startedAt) {
}
