package org.taskhost.rest.internal.answers;

import java.time.Instant;
import java.util.List;

/**
 * One PV of a running plugin, with its value, alarm and metadata.
 *
 * @param name its name inside the plugin
 * @param pv its full name
 * @param type float, int, string, bool, enum or waveform
 * @param access rw, or ro for an output or a linked input
 * @param value the value (a waveform as an array; a number that is not finite as null)
 * @param timestamp when the value was set
 * @param severity the alarm severity
 * @param alarmStatus the alarm status
 * @param unit EGU
 * @param prec PREC
 * @param low LOPR
 * @param high HOPR
 * @param drvl DRVL, or null
 * @param drvh DRVH, or null
 * @param labels an enum's or bool's labels
 * @param description DESC
 * @param alarm the alarm limits, null where not set
 * @param length a waveform's length
 * @param link the PV an input follows, or null
 */
public record PluginPv(String name, String pv, String type, String access, Object value, Instant timestamp,
        String severity, String alarmStatus, String unit, int prec, double low, double high, Double drvl, Double drvh,
        List<String> labels, String description, PvAlarmLimits alarm, int length, PvInputLink link) {

    /**
     * The alarm limits of a PV; a limit that is not set is null.
     *
     * @param lolo LOLO
     * @param low LOW
     * @param high HIGH
     * @param hihi HIHI
     * @param loloSeverity LLSV
     * @param lowSeverity LSV
     * @param highSeverity HSV
     * @param hihiSeverity HHSV
     */
    public record PvAlarmLimits(Double lolo, Double low, Double high, Double hihi, String loloSeverity, String lowSeverity,
            String highSeverity, String hihiSeverity) {
    }

    /**
     * @param target the PV an input follows
     * @param mode monitor or poll
     * @param pollRate seconds between polls
     */
    public record PvInputLink(String target, String mode, double pollRate) {
    }
}
