package org.taskhost.api.loader;

import java.util.List;

/**
 * The outcome of every check of a plugin source, with iocmng's field names.
 *
 * @param ok whether every check passed
 * @param className the plugin class found, or null
 * @param pluginType {@code task} or {@code job}, or null
 * @param errors every problem, each naming its file, line and field where it has one
 */
public record ValidationReport(boolean ok, String className, String pluginType, List<String> errors) {

    /** Copies the errors. */
    public ValidationReport {
        errors = List.copyOf(errors);
    }

    /**
     * @param errors what is wrong
     * @return a failed report
     */
    public static ValidationReport failed(List<String> errors) {
        return new ValidationReport(false, null, null, errors);
    }
}
