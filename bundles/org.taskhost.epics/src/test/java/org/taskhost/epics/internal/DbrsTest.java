package org.taskhost.epics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;

import gov.aps.jca.dbr.DBRType;
import gov.aps.jca.dbr.DBR_CTRL_Double;
import gov.aps.jca.dbr.DBR_CTRL_Int;
import gov.aps.jca.dbr.DBR_Double;
import gov.aps.jca.dbr.DBR_Enum;
import gov.aps.jca.dbr.DBR_String;
import gov.aps.jca.dbr.DBR_TIME_LABELS_Enum;
import gov.aps.jca.dbr.DBR_TIME_String;
import gov.aps.jca.dbr.Severity;
import gov.aps.jca.dbr.Status;

class DbrsTest {

    static final Instant T = Instant.parse("2026-11-23T12:00:00.250Z");

    @Test
    void aFloatFillsValueAlarmTimeAndEveryLimit() {
        PvSpec spec = PvSpec.builder("GAIN", PvType.FLOAT).unit("V").precision(2).display(-10, 10).drive(0.0, 10.0)
                .alarms(new AlarmLimits(null, 1.0, 8.0, 9.5, AlarmSeverity.MAJOR, AlarmSeverity.MINOR, AlarmSeverity.MINOR,
                        AlarmSeverity.MAJOR)).build();
        DBR_CTRL_Double d = new DBR_CTRL_Double(1);
        Dbrs.fill(d, spec, new PvValue(9.75, T, AlarmSeverity.MAJOR, "HIHI"));
        assertThat(d.getDoubleValue()).containsExactly(9.75);
        assertThat(d.getSeverity()).isEqualTo(Severity.MAJOR_ALARM);
        assertThat(d.getStatus()).isEqualTo(Status.HIHI_ALARM);
        assertThat(d.getTimeStamp().secPastEpoch()).isEqualTo(T.getEpochSecond() - Dbrs.EPICS_EPOCH);
        assertThat(d.getTimeStamp().nsec()).isEqualTo(250_000_000L);
        assertThat(d.getUnits()).isEqualTo("V");
        assertThat(d.getPrecision()).isEqualTo((short) 2);
        assertThat(d.getLowerDispLimit()).isEqualTo(-10.0);
        assertThat(d.getUpperCtrlLimit()).isEqualTo(10.0);
        assertThat(d.getUpperAlarmLimit()).isEqualTo(9.5);
        assertThat(d.getLowerAlarmLimit().doubleValue()).isNaN();
    }

    @Test
    void nativeTypesAndWrittenValues() {
        PvSpec count = PvSpec.builder("N", PvType.INT).build();
        PvSpec mode = PvSpec.builder("M", PvType.ENUM).labels(List.of("A", "B")).build();
        PvSpec text = PvSpec.builder("S", PvType.STRING).build();
        PvSpec trace = PvSpec.builder("W", PvType.WAVEFORM).length(3).build();
        assertThat(List.of(count, mode, text, trace).stream().map(Dbrs::nativeType))
                .containsExactly(DBRType.INT, DBRType.ENUM, DBRType.STRING, DBRType.DOUBLE);
        DBR_CTRL_Int n = new DBR_CTRL_Int(1);
        Dbrs.fill(n, count, new PvValue(5_000_000_000L, T, AlarmSeverity.NO_ALARM, "NO_ALARM"));
        assertThat(n.getIntValue()).as("a long beyond 32 bits is clipped").containsExactly(Integer.MAX_VALUE);
        DBR_TIME_LABELS_Enum e = new DBR_TIME_LABELS_Enum(1);
        Dbrs.fill(e, mode, new PvValue(1, T, AlarmSeverity.NO_ALARM, "NO_ALARM"));
        assertThat(e.getLabels()).containsExactly("A", "B");
        assertThat(Dbrs.written(new DBR_Enum(new short[] {1}), mode)).isEqualTo(1);
        assertThat(Dbrs.written(new DBR_String(new String[] {"hi"}), text)).isEqualTo("hi");
        assertThat((double[]) Dbrs.written(new DBR_Double(new double[] {1, 2, 3, 4}), trace)).containsExactly(1, 2, 3);
        DBR_TIME_String s = new DBR_TIME_String(1);
        Dbrs.fill(s, text, new PvValue("x", T, AlarmSeverity.MINOR, "SOFT"));
        assertThat(s.getStatus()).isEqualTo(Status.SOFT_ALARM);
    }
}
