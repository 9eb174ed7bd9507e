package org.taskhost.api.runtime;

import java.time.Instant;

/**
 * A consistent snapshot of a plugin's state.
 *
 * @param status the STATUS name (a {@link TaskStatus} or {@link JobStatus} name)
 * @param statusIndex the STATUS index as served to EPICS clients
 * @param message the MESSAGE
 * @param enabled the ENABLE value
 * @param cycles completed executions
 * @param overruns continuous cycles skipped because the previous one was still running
 * @param errors failed executions
 * @param lastRun when the last execution ended, or null
 */
public record PluginState(String status, int statusIndex, String message, boolean enabled, long cycles,
        long overruns, long errors, Instant lastRun) {
}
