package org.taskhost.api;

import java.time.Instant;

/**
 * The outcome of one job run, as in iocmng: {@code {success, data, message, timestamp}}.
 *
 * @param success whether the run succeeded
 * @param data any JSON-friendly value (maps, lists, strings, numbers, booleans), or null
 * @param message a short human-readable summary
 * @param timestamp when the result was made
 */
public record JobResult(boolean success, Object data, String message, Instant timestamp) {

    /**
     * @param data the run's data
     * @param message a summary
     * @return a successful result stamped now
     */
    public static JobResult ok(Object data, String message) {
        return new JobResult(true, data, message, Instant.now());
    }

    /**
     * @param message what went wrong
     * @return a failed result stamped now
     */
    public static JobResult failed(String message) {
        return new JobResult(false, null, message, Instant.now());
    }
}
