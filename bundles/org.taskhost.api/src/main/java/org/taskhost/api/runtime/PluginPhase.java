package org.taskhost.api.runtime;

/**
 * Where a plugin is in its life, beside its STATUS. Views read it instead of guessing from MESSAGE.
 */
public enum PluginPhase {
    /** its bundle is installed and being started; the plugin object does not exist yet */
    INSTALLING,
    /** {@code initialize()} is running */
    INITIALIZING,
    /** initialized; it runs, waits for triggers or runs, or is paused by ENABLE=0 */
    READY,
    /** it could not be created or its {@code initialize()} failed; {@link PluginState#message()} says why */
    FAILED,
    /** its bundle is installed but not started: it has no PVs and runs nothing */
    STOPPED
}
