package org.taskhost.rest.internal.answers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A PV as config.yaml writes it, with the defaults filled in: iocmng's keys and taskhost's. A key that does not
 * apply to the PV's type, or is not set, is left out (null here); {@code value} is always written.
 *
 * @param type float, int, string, bool, enum or waveform
 * @param value the initial value
 * @param unit EGU (numeric types)
 * @param prec PREC (numeric types)
 * @param low LOPR (numeric types)
 * @param high HOPR (numeric types)
 * @param drvl DRVL, if set
 * @param drvh DRVH, if set
 * @param znam a bool's label for 0
 * @param onam a bool's label for 1
 * @param labels an enum's labels
 * @param length a waveform's length
 * @param alarm the alarm limits that are set, or null if none
 * @param desc DESC, if not empty
 * @param link the PV an input follows
 * @param linkMode monitor or poll
 * @param pollRate seconds between polls
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PvDefinition(String type, @JsonInclude(JsonInclude.Include.ALWAYS) Object value, String unit, Integer prec,
        Double low, Double high, Double drvl, Double drvh, String znam, String onam,
        @JsonProperty("enum") List<String> labels, Integer length, PvDefinitionAlarm alarm, String desc, String link,
        String linkMode, Double pollRate) {

    /**
     * The alarm limits that are set, each with its severity.
     *
     * @param lolo LOLO
     * @param loloSeverity LLSV
     * @param low LOW
     * @param lowSeverity LSV
     * @param high HIGH
     * @param highSeverity HSV
     * @param hihi HIHI
     * @param hihiSeverity HHSV
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PvDefinitionAlarm(Double lolo, String loloSeverity, Double low, String lowSeverity, Double high,
            String highSeverity, Double hihi, String hihiSeverity) {
    }
}
