package org.taskhost.api.pv;

import java.util.List;
import java.util.Objects;

import org.taskhost.api.device.PointRef;

/**
 * The definition of a PV, from config.yaml or from the runtime's default PVs.
 * Build one with {@link #builder(String, PvType)}.
 *
 * @param name the short name
 * @param type the value type
 * @param writable whether clients may put (inputs and control PVs)
 * @param initial the initial value, already of the type's Java class
 * @param unit EGU
 * @param precision PREC
 * @param displayLow LOPR
 * @param displayHigh HOPR
 * @param driveLow DRVL, or null
 * @param driveHigh DRVH, or null
 * @param alarms the alarm limits
 * @param labels enum labels; for bool ZNAM and ONAM
 * @param length the maximum number of elements (waveform), 1 otherwise
 * @param description DESC
 * @param link the external PV an input follows, or null
 * @param point the device point the PV shows (config.yaml {@code point: <device>/<point>}): its value and units
 *        appear on the PV, and a client's put on an input writes it; null if none
 */
public record PvSpec(String name, PvType type, boolean writable, Object initial, String unit, int precision,
        double displayLow, double displayHigh, Double driveLow, Double driveHigh, AlarmLimits alarms,
        List<String> labels, int length, String description, PvLink link, PointRef point) {

    /** Checks and copies the fields. */
    public PvSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        labels = List.copyOf(labels);
        alarms = alarms == null ? AlarmLimits.NONE : alarms;
        unit = unit == null ? "" : unit;
        description = description == null ? "" : description;
    }

    /**
     * The 1.0 form, without a point.
     *
     * @param name the short name
     * @param type the value type
     * @param writable whether clients may put
     * @param initial the initial value
     * @param unit EGU
     * @param precision PREC
     * @param displayLow LOPR
     * @param displayHigh HOPR
     * @param driveLow DRVL, or null
     * @param driveHigh DRVH, or null
     * @param alarms the alarm limits
     * @param labels enum labels; for bool ZNAM and ONAM
     * @param length the maximum number of elements
     * @param description DESC
     * @param link the external PV an input follows, or null
     */
    public PvSpec(String name, PvType type, boolean writable, Object initial, String unit, int precision,
            double displayLow, double displayHigh, Double driveLow, Double driveHigh, AlarmLimits alarms,
            List<String> labels, int length, String description, PvLink link) {
        this(name, type, writable, initial, unit, precision, displayLow, displayHigh, driveLow, driveHigh, alarms,
                labels, length, description, link, null);
    }

    /**
     * @param unit the units to show, for a PV whose config.yaml gave none and whose point has some
     * @return this spec with those units
     */
    public PvSpec withUnit(String unit) {
        return new PvSpec(name, type, writable, initial, unit, precision, displayLow, displayHigh, driveLow, driveHigh,
                alarms, labels, length, description, link, point);
    }

    /**
     * @param name the short name
     * @param type the value type
     * @return a builder with iocmng's defaults (PREC 3, LOPR 0, HOPR 100, ZNAM Off, ONAM On)
     */
    public static Builder builder(String name, PvType type) {
        return new Builder(name, type);
    }

    /** Builds a {@link PvSpec}. */
    public static final class Builder {
        private final String name;
        private final PvType type;
        private boolean writable;
        private Object initial;
        private String unit = "";
        private int precision = 3;
        private double displayLow = 0;
        private double displayHigh = 100;
        private Double driveLow;
        private Double driveHigh;
        private AlarmLimits alarms = AlarmLimits.NONE;
        private List<String> labels;
        private int length = 1;
        private String description = "";
        private PvLink link;
        private PointRef point;

        private Builder(String name, PvType type) {
            this.name = name;
            this.type = type;
            this.labels = type == PvType.BOOL ? List.of("Off", "On") : List.of();
        }

        /** @param v whether clients may put @return this */
        public Builder writable(boolean v) { this.writable = v; return this; }
        /** @param v the initial value @return this */
        public Builder initial(Object v) { this.initial = v; return this; }
        /** @param v EGU @return this */
        public Builder unit(String v) { this.unit = v; return this; }
        /** @param v PREC @return this */
        public Builder precision(int v) { this.precision = v; return this; }
        /** @param low LOPR @param high HOPR @return this */
        public Builder display(double low, double high) { this.displayLow = low; this.displayHigh = high; return this; }
        /** @param low DRVL or null @param high DRVH or null @return this */
        public Builder drive(Double low, Double high) { this.driveLow = low; this.driveHigh = high; return this; }
        /** @param v alarm limits @return this */
        public Builder alarms(AlarmLimits v) { this.alarms = v; return this; }
        /** @param v labels (enum) or ZNAM, ONAM (bool) @return this */
        public Builder labels(List<String> v) { this.labels = v; return this; }
        /** @param v waveform length @return this */
        public Builder length(int v) { this.length = v; return this; }
        /** @param v DESC @return this */
        public Builder description(String v) { this.description = v; return this; }
        /** @param v the external PV the input follows, or null @return this */
        public Builder link(PvLink v) { this.link = v; return this; }

        /** @param v the device point the PV shows, or null @return this */
        public Builder point(PointRef v) { this.point = v; return this; }

        /** @return the spec */
        public PvSpec build() {
            return new PvSpec(name, type, writable, initial, unit, precision, displayLow, displayHigh,
                    driveLow, driveHigh, alarms, labels, length, description, link, point);
        }
    }
}
