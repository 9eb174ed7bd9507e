package org.taskhost.api.pv;

import java.time.Instant;

/**
 * A PV's value at one moment, with its alarm.
 *
 * @param value a Double, Long, String, Integer (bool and enum) or double[] (waveform)
 * @param timestamp when the value was set
 * @param severity the alarm severity
 * @param alarmStatus why the alarm was raised (for example {@code HIHI}), or {@code NO_ALARM}
 */
public record PvValue(Object value, Instant timestamp, AlarmSeverity severity, String alarmStatus) {
}
