package org.taskhost.api.runtime;

/** How a task's {@code execute()} is called (config.yaml {@code parameters.mode}); jobs run on request. */
public enum PluginMode {
    /** at a fixed rate of {@code interval} seconds, never overlapping */
    CONTINUOUS,
    /** once per put of 1 to RUN */
    TRIGGERED,
    /** after every put to an input */
    REACTIVE,
    /** a job: once per run request */
    ON_REQUEST
}
