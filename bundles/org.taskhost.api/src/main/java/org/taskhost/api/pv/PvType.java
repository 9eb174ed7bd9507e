package org.taskhost.api.pv;

import java.util.Locale;
import java.util.Optional;

/** The value types a PV can have, named as in config.yaml. */
public enum PvType {
    /** a double; EGU, PREC, display, drive and alarm limits apply */
    FLOAT,
    /** a long; display, drive and alarm limits apply */
    INT,
    /** text, at most 40 characters for EPICS clients */
    STRING,
    /** 0 or 1, with ZNAM/ONAM labels */
    BOOL,
    /** an index into a list of up to 16 labels */
    ENUM,
    /** an array of doubles of a fixed maximum length */
    WAVEFORM;

    /**
     * @param text a config.yaml type name, case-insensitive
     * @return the type, if the name is known
     */
    public static Optional<PvType> parse(String text) {
        for (PvType t : values()) {
            if (t.name().equals(text.toUpperCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return the lower-case name used in config.yaml */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
