package org.taskhost.api.pv;

import java.util.Objects;

/**
 * An input that follows an external PV (config.yaml {@code link:}, as in iocmng 2.5). Clients cannot put to such an
 * input; its value comes from the link, and each new value reaches the plugin's {@code onPut} as a put would.
 *
 * @param target the external PV's name
 * @param mode how the value is read
 * @param pollSeconds the period of {@link Mode#POLL} reads
 */
public record PvLink(String target, Mode mode, double pollSeconds) {

    /** How a link reads its external PV. */
    public enum Mode {
        /** A Channel Access monitor: every change arrives. */
        MONITOR,
        /** A read every {@code pollSeconds}. */
        POLL
    }

    /** Checks the fields. */
    public PvLink {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        if (!(pollSeconds > 0)) {
            throw new IllegalArgumentException("pollSeconds must be > 0, got " + pollSeconds);
        }
    }

    /** @return the name of the bool PV that shows whether the link of input {@code input} is connected */
    public static String connectionPv(String input) {
        return input + "_CONN";
    }
}
