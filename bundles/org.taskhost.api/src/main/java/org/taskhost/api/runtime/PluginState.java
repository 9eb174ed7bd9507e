package org.taskhost.api.runtime;

import java.time.Instant;

/**
 * A consistent snapshot of a plugin's state. New components are added at the end, keeping the older constructors,
 * so that the record grows without a major version.
 *
 * @param status the STATUS name (a {@link TaskStatus} or {@link JobStatus} name)
 * @param statusIndex the STATUS index as served to EPICS clients
 * @param message the MESSAGE
 * @param enabled the ENABLE value
 * @param cycles completed executions
 * @param overruns continuous cycles skipped because the previous one was still running
 * @param errors failed executions
 * @param lastRun when the last execution ended, or null
 * @param phase the lifecycle phase
 * @param dropped subscribed messages and point changes dropped because the plugin did not take them in time
 *        (see {@link org.taskhost.api.handoff.Handoff})
 */
public record PluginState(String status, int statusIndex, String message, boolean enabled, long cycles,
        long overruns, long errors, Instant lastRun, PluginPhase phase, long dropped) {

    /** A null phase means {@link PluginPhase#READY}. */
    public PluginState {
        phase = phase == null ? PluginPhase.READY : phase;
    }

    /**
     * The 1.1 form, with nothing dropped.
     *
     * @param status the STATUS name
     * @param statusIndex the STATUS index
     * @param message the MESSAGE
     * @param enabled the ENABLE value
     * @param cycles completed executions
     * @param overruns skipped continuous cycles
     * @param errors failed executions
     * @param lastRun when the last execution ended, or null
     * @param phase the lifecycle phase
     */
    public PluginState(String status, int statusIndex, String message, boolean enabled, long cycles, long overruns,
            long errors, Instant lastRun, PluginPhase phase) {
        this(status, statusIndex, message, enabled, cycles, overruns, errors, lastRun, phase, 0);
    }

    /**
     * The 1.0 form, in phase {@link PluginPhase#READY}.
     *
     * @param status the STATUS name
     * @param statusIndex the STATUS index
     * @param message the MESSAGE
     * @param enabled the ENABLE value
     * @param cycles completed executions
     * @param overruns skipped continuous cycles
     * @param errors failed executions
     * @param lastRun when the last execution ended, or null
     */
    public PluginState(String status, int statusIndex, String message, boolean enabled, long cycles, long overruns,
            long errors, Instant lastRun) {
        this(status, statusIndex, message, enabled, cycles, overruns, errors, lastRun, PluginPhase.READY);
    }
}
