package org.taskhost.api.runtime;

/** An operation of the {@link PluginRuntime} was refused; nothing changed, except where {@link Reason#FAILED} says so. */
public class PluginOperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, for a REST status code. */
    public enum Reason {
        /** no plugin of that name */
        NOT_FOUND,
        /** the plugin is in a state that does not allow it (a failed plugin cannot be enabled, a job is busy) */
        CONFLICT,
        /** the plugin was started but did not become ready; it is stopped again */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason the kind of refusal
     * @param message what happened, naming the plugin
     */
    public PluginOperationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return the kind of refusal */
    public Reason reason() {
        return reason;
    }
}
