package org.taskhost.epics.internal;

import java.time.Instant;
import java.util.Arrays;

import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;

import gov.aps.jca.dbr.CTRL;
import gov.aps.jca.dbr.DBR;
import gov.aps.jca.dbr.DBRType;
import gov.aps.jca.dbr.DBR_Double;
import gov.aps.jca.dbr.DBR_Enum;
import gov.aps.jca.dbr.DBR_Int;
import gov.aps.jca.dbr.DBR_String;
import gov.aps.jca.dbr.GR;
import gov.aps.jca.dbr.LABELS;
import gov.aps.jca.dbr.PRECISION;
import gov.aps.jca.dbr.STS;
import gov.aps.jca.dbr.Severity;
import gov.aps.jca.dbr.Status;
import gov.aps.jca.dbr.TIME;
import gov.aps.jca.dbr.TimeStamp;

/** Translates between taskhost's PV model and Channel Access DBRs: native types, values, alarms, time and metadata. */
final class Dbrs {

    /** Seconds from 1970 to the EPICS epoch, 1990-01-01. */
    static final long EPICS_EPOCH = 631_152_000L;

    private Dbrs() {
    }

    /** @return the CA type a PV is served as: DOUBLE, INT (32 bits), STRING or ENUM */
    static DBRType nativeType(PvSpec spec) {
        return switch (spec.type()) {
            case FLOAT, WAVEFORM -> DBRType.DOUBLE;
            case INT -> DBRType.INT;
            case STRING -> DBRType.STRING;
            case BOOL, ENUM -> DBRType.ENUM;
        };
    }

    /** Fills a DBR of the PV's native type, at whatever level (plain, STS, TIME, GR, CTRL) the client asked for. */
    static void fill(DBR dbr, PvSpec spec, PvValue value) {
        Object v = value.value();
        switch (spec.type()) {
            case FLOAT, WAVEFORM -> {
                double[] to = ((DBR_Double) dbr).getDoubleValue();
                double[] from = v instanceof double[] a ? a : new double[] {((Number) v).doubleValue()};
                System.arraycopy(from, 0, to, 0, Math.min(from.length, to.length));
            }
            case INT -> ((DBR_Int) dbr).getIntValue()[0] = clip(((Number) v).longValue());
            case STRING -> ((DBR_String) dbr).getStringValue()[0] = v.toString();
            case BOOL, ENUM -> ((DBR_Enum) dbr).getEnumValue()[0] = ((Number) v).shortValue();
        }
        if (dbr.isSTS()) {
            STS sts = (STS) dbr;
            sts.setSeverity(Severity.forValue(value.severity().ordinal()));
            sts.setStatus(status(value.alarmStatus()));
        }
        if (dbr.isTIME()) {
            ((TIME) dbr).setTimeStamp(timeStamp(value.timestamp()));
        }
        if (dbr.isLABELS()) {
            ((LABELS) dbr).setLabels(spec.labels().toArray(String[]::new));
        }
        if (dbr.isPRECSION()) {
            ((PRECISION) dbr).setPrecision((short) spec.precision());
        }
        if (dbr.isGR() && !dbr.isENUM() && !dbr.isSTRING()) {
            fillLimits((GR) dbr, spec);
        }
    }

    private static void fillLimits(GR gr, PvSpec spec) {
        gr.setUnits(spec.unit());
        gr.setLowerDispLimit(spec.displayLow());
        gr.setUpperDispLimit(spec.displayHigh());
        AlarmLimits a = spec.alarms();
        gr.setLowerAlarmLimit(orNaN(a.lolo()));
        gr.setLowerWarningLimit(orNaN(a.low()));
        gr.setUpperWarningLimit(orNaN(a.high()));
        gr.setUpperAlarmLimit(orNaN(a.hihi()));
        if (gr instanceof CTRL ctrl) {
            // without drive limits a client may put anything: EPICS shows that as DRVL = DRVH = 0
            ctrl.setLowerCtrlLimit(spec.driveLow() == null ? 0.0 : spec.driveLow());
            ctrl.setUpperCtrlLimit(spec.driveHigh() == null ? 0.0 : spec.driveHigh());
        }
    }

    /** @return the value a client wrote, already converted by CAJ to the PV's native type, as taskhost's Java type */
    static Object written(DBR dbr, PvSpec spec) {
        return switch (spec.type()) {
            case FLOAT -> ((DBR_Double) dbr).getDoubleValue()[0];
            case WAVEFORM -> {
                double[] d = ((DBR_Double) dbr).getDoubleValue();
                yield Arrays.copyOf(d, Math.min(d.length, spec.length()));
            }
            case INT -> (long) ((DBR_Int) dbr).getIntValue()[0];
            case STRING -> ((DBR_String) dbr).getStringValue()[0];
            case BOOL, ENUM -> (int) ((DBR_Enum) dbr).getEnumValue()[0];
        };
    }

    static TimeStamp timeStamp(Instant t) {
        return new TimeStamp(t.getEpochSecond() - EPICS_EPOCH, t.getNano());
    }

    /** @param name taskhost's alarm status, such as HIHI or STATE */
    static Status status(String name) {
        if (name == null || name.equals("NO_ALARM")) {
            return Status.NO_ALARM;
        }
        Status s = Status.forName(name + "_ALARM");
        return s == null ? Status.SOFT_ALARM : s;
    }

    static int elementCount(PvSpec spec) {
        return spec.type() == PvType.WAVEFORM ? Math.max(1, spec.length()) : 1;
    }

    private static int clip(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static Double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
