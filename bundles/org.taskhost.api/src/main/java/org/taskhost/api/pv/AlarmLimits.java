package org.taskhost.api.pv;

/**
 * Alarm limits of a numeric PV; a null limit is not checked. A value at or beyond
 * {@code hihi} or {@code lolo} raises {@code hihiSeverity}/{@code loloSeverity}; otherwise at or beyond
 * {@code high} or {@code low} raises {@code highSeverity}/{@code lowSeverity}.
 *
 * @param lolo the LOLO limit
 * @param low the LOW limit
 * @param high the HIGH limit
 * @param hihi the HIHI limit
 * @param loloSeverity the LLSV severity
 * @param lowSeverity the LSV severity
 * @param highSeverity the HSV severity
 * @param hihiSeverity the HHSV severity
 */
public record AlarmLimits(Double lolo, Double low, Double high, Double hihi,
        AlarmSeverity loloSeverity, AlarmSeverity lowSeverity,
        AlarmSeverity highSeverity, AlarmSeverity hihiSeverity) {

    /** No limits at all. */
    public static final AlarmLimits NONE = new AlarmLimits(null, null, null, null,
            AlarmSeverity.NO_ALARM, AlarmSeverity.NO_ALARM, AlarmSeverity.NO_ALARM, AlarmSeverity.NO_ALARM);

    /**
     * @param value a numeric value
     * @return the severity that value raises
     */
    public AlarmSeverity severityOf(double value) {
        if (hihi != null && value >= hihi) {
            return hihiSeverity;
        }
        if (lolo != null && value <= lolo) {
            return loloSeverity;
        }
        if (high != null && value >= high) {
            return highSeverity;
        }
        if (low != null && value <= low) {
            return lowSeverity;
        }
        return AlarmSeverity.NO_ALARM;
    }
}
