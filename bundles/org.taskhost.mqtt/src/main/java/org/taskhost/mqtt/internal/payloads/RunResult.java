package org.taskhost.mqtt.internal.payloads;

import java.time.Instant;

/**
 * The result of a job's run.
 *
 * @param success whether it succeeded
 * @param data what it returned
 * @param message what it said
 * @param timestamp when it ended
 */
public record RunResult(boolean success, Object data, String message, Instant timestamp) {
}
