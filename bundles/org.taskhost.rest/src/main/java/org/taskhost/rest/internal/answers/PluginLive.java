package org.taskhost.rest.internal.answers;

/**
 * The fields of a plugin that change as it runs: the same in the plugin dict and in each {@code plugin} event, so
 * that a client applies an event to the dict field by field.
 *
 * @param status iocmng's status: loaded, running, error or stopped
 * @param phase the typed phase in lower case
 * @param running whether the status is running
 * @param cycleCount cycles run
 * @param errorCount cycles failed
 * @param overrunCount cycles that overran their period
 * @param droppedCount messages and values dropped at its bounded hand-off
 * @param state the STATUS PV's name
 * @param message the last message
 * @param enabled whether it is enabled
 */
public record PluginLive(String status, String phase, boolean running, long cycleCount, long errorCount,
        long overrunCount, long droppedCount, String state, String message, boolean enabled) {
}
