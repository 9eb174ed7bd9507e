package org.taskhost.runtime.internal.autosave;

import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;

/** Checks a value read back from an autosave file against its PV as it is defined now. */
final class SavedValue {

    private SavedValue() {
    }

    /** @return why the value does not fit, or null when it does */
    static String check(PvSpec spec, Object v) {
        if (v instanceof Number n && (spec.type() == PvType.FLOAT || spec.type() == PvType.INT)) {
            double d = n.doubleValue();
            if (spec.driveLow() != null && d < spec.driveLow() || spec.driveHigh() != null && d > spec.driveHigh()) {
                return d + " is outside the drive limits " + spec.driveLow() + ".." + spec.driveHigh();
            }
        }
        return null;
    }

    static Integer index(Object v) {
        return v instanceof Number n ? n.intValue() : null;
    }
}
