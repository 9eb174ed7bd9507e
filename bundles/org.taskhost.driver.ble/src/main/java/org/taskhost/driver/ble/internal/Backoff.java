package org.taskhost.driver.ble.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row the next attempt waits a random time between
 * half and all of {@code min(max, initial * 2^(n-1))}, so that devices lost together do not all retry together.
 * Not thread-safe: one per device, used by its session's thread.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;
    private long nextAttemptNanos;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** @return the wait before the next attempt */
    Duration failed(long nowNanos) {
        failures++;
        double ceiling = Math.min(max.toNanos(), initial.toNanos() * Math.pow(2, Math.min(failures - 1, 30)));
        long wait = (long) (ceiling * (0.5 + 0.5 * random.getAsDouble()));
        nextAttemptNanos = nowNanos + wait;
        return Duration.ofNanos(wait);
    }

    void succeeded() {
        failures = 0;
        nextAttemptNanos = 0;
    }

    /** @return how long to wait before an attempt is due, zero if one may be made now */
    Duration remaining(long nowNanos) {
        return failures == 0 ? Duration.ZERO : Duration.ofNanos(Math.max(0, nextAttemptNanos - nowNanos));
    }

    int failures() {
        return failures;
    }
}
