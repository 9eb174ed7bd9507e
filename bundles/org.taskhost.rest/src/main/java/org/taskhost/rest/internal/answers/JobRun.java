package org.taskhost.rest.internal.answers;

import java.time.Instant;

/**
 * One run of a job.
 *
 * @param success whether it succeeded
 * @param data what it returned
 * @param message what it said
 * @param timestamp when it ended
 */
public record JobRun(boolean success, Object data, String message, Instant timestamp) {
}
