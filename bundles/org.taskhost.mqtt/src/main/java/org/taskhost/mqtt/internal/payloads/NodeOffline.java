package org.taskhost.mqtt.internal.payloads;

import java.time.Instant;

/**
 * {@code {root}/{node}/status} when offline: the Last Will or the last message of a clean stop.
 *
 * @param online false
 * @param version taskhost's version
 * @param startedAt when taskhost started
 * @param reason "connection lost" or "stopped"
 */
public record NodeOffline(boolean online, String version, Instant startedAt, String reason) {
}
