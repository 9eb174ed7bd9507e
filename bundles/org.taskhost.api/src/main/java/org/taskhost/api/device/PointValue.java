package org.taskhost.api.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A point's value at one moment, with its quality.
 *
 * @param value a Double, Long, Boolean, String or byte[] as the point's {@link PointType} says; null when BAD
 * @param timestamp when the value was read, pushed or written
 * @param quality how far it can be trusted
 * @param reason why the quality is not GOOD (for example {@code unknown-object}); empty when GOOD
 */
public record PointValue(Object value, Instant timestamp, Quality quality, String reason) {

    /** Checks the fields; a null reason becomes empty. */
    public PointValue {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(quality, "quality");
        reason = reason == null ? "" : reason;
    }

    /**
     * @param value the value read
     * @return a GOOD value stamped now
     */
    public static PointValue good(Object value) {
        return new PointValue(value, Instant.now(), Quality.GOOD, "");
    }

    /**
     * @param reason why there is no value (a per-point error reported by the device, a decoding failure, ...)
     * @return a BAD value stamped now
     */
    public static PointValue bad(String reason) {
        return new PointValue(null, Instant.now(), Quality.BAD, reason);
    }

    /**
     * @param value the value, perhaps stale
     * @param reason why it is uncertain
     * @return an UNCERTAIN value stamped now
     */
    public static PointValue uncertain(Object value, String reason) {
        return new PointValue(value, Instant.now(), Quality.UNCERTAIN, reason);
    }

    /** @return whether the quality is GOOD */
    public boolean isGood() {
        return quality == Quality.GOOD;
    }
}
