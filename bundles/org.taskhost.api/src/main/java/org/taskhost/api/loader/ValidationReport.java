package org.taskhost.api.loader;

import java.util.List;

/**
 * The outcome of every check of a plugin source, with iocmng's field names.
 *
 * @param ok whether every check passed
 * @param className the plugin class found, or null
 * @param pluginType {@code task} or {@code job}, or null
 * @param problems every problem, each with its file, line, column and field where it has them
 */
public record ValidationReport(boolean ok, String className, String pluginType, List<ValidationProblem> problems) {

    /** Copies the problems. */
    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** @return every problem on one line each, as iocmng's {@code errors} */
    public List<String> errors() {
        return problems.stream().map(ValidationProblem::toString).toList();
    }

    /**
     * @param problems what is wrong
     * @return a failed report
     */
    public static ValidationReport failed(List<ValidationProblem> problems) {
        return new ValidationReport(false, null, null, problems);
    }
}
