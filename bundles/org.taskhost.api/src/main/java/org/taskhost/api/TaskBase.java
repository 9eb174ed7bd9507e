package org.taskhost.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A task: initialized once, then executed continuously at a fixed rate, once per trigger,
 * or on every put to an input (config.yaml {@code parameters.mode}), and cleaned up once.
 * An exception from {@link #execute()} sets STATUS to ERROR with its message; the task goes on.
 */
@ConsumerType
public abstract class TaskBase extends PluginBase {

    /**
     * Prepares the task; runs once, before the first {@link #execute()}.
     *
     * @throws Exception to fail the start: the task ends in ERROR and {@link #cleanup()} is not called
     */
    public abstract void initialize() throws Exception;

    /**
     * One cycle of work.
     *
     * @throws Exception to report an error: STATUS becomes ERROR until a later cycle succeeds
     */
    public abstract void execute() throws Exception;

    /**
     * Releases what {@link #initialize()} acquired; runs exactly once, after a successful initialize.
     *
     * @throws Exception logged; the task stops anyway
     */
    public abstract void cleanup() throws Exception;

    /**
     * Called after an operator or client wrote an input PV; the new value is already set.
     * In reactive mode {@link #execute()} follows.
     *
     * @param pv the PV's short name
     * @param value the validated new value
     * @throws Exception logged, and STATUS becomes ERROR
     */
    public void onPut(String pv, Object value) throws Exception {
        // nothing by default: the value is already readable through pv(name)
    }
}
