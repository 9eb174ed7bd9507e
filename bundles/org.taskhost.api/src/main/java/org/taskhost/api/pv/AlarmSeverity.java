package org.taskhost.api.pv;

/** EPICS alarm severities, in increasing order. */
public enum AlarmSeverity {
    /** no alarm */
    NO_ALARM,
    /** a minor alarm */
    MINOR,
    /** a major alarm */
    MAJOR,
    /** the value is not valid */
    INVALID
}
