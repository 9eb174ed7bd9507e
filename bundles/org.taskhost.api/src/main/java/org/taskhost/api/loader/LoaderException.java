package org.taskhost.api.loader;

/** A plugin could not be added, reloaded or removed; nothing that was running has changed. */
public class LoaderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the request failed, for a REST status code. */
    public enum Reason {
        /** the request itself is malformed (a bad name, URL, or path) */
        BAD_REQUEST,
        /** no plugin of that name */
        NOT_FOUND,
        /** the name is taken */
        CONFLICT,
        /** the source was fetched but failed validation; see the report */
        INVALID
    }

    private final Reason reason;
    private final transient ValidationReport report;

    /**
     * @param reason the kind of failure
     * @param message what went wrong, naming the field
     * @param report the validation report, or null
     */
    public LoaderException(Reason reason, String message, ValidationReport report) {
        super(message);
        this.reason = reason;
        this.report = report;
    }

    /** @return the kind of failure */
    public Reason reason() {
        return reason;
    }

    /** @return the validation report, or null when validation did not run */
    public ValidationReport report() {
        return report;
    }
}
