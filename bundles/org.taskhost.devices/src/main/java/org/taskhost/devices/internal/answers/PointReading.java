package org.taskhost.devices.internal.answers;

import java.time.Instant;

/**
 * A point's value as last read.
 *
 * @param value the value (bytes as hex text), null if not read yet
 * @param quality its quality's name; BAD if not read yet
 * @param reason why it is not GOOD
 * @param timestamp when it was read, or null
 */
public record PointReading(Object value, String quality, String reason, Instant timestamp) {

    /** The reading of a point not read yet. */
    public static final PointReading NOT_READ = new PointReading(null, "BAD", "not read yet", null);
}
