package org.taskhost.runtime.internal.pv;

import java.time.Instant;

import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;

/** Stamps a value with the alarm its PV's limits give, as an EPICS record's alarm fields would. */
final class Alarms {

    private Alarms() {
    }

    static PvValue stamp(PvSpec spec, Object value, AlarmSeverity atLeast) {
        AlarmSeverity severity = AlarmSeverity.NO_ALARM;
        String status = "NO_ALARM";
        if (value instanceof Number n && spec.type() != PvType.ENUM) {
            double v = n.doubleValue();
            AlarmLimits a = spec.alarms();
            severity = a.severityOf(v);
            if (severity != AlarmSeverity.NO_ALARM) {
                status = spec.type() == PvType.BOOL ? "STATE" : statusOf(a, v);
            }
        }
        if (atLeast.compareTo(severity) > 0) {
            severity = atLeast;
            status = "SOFT";
        }
        return new PvValue(value, Instant.now(), severity, status);
    }

    private static String statusOf(AlarmLimits a, double v) {
        if (a.hihi() != null && v >= a.hihi()) {
            return "HIHI";
        }
        if (a.lolo() != null && v <= a.lolo()) {
            return "LOLO";
        }
        return a.high() != null && v >= a.high() ? "HIGH" : "LOW";
    }
}
