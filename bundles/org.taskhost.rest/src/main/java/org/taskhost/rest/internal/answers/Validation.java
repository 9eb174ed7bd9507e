package org.taskhost.rest.internal.answers;

import java.util.List;

import org.taskhost.api.loader.ValidationProblem;
import org.taskhost.api.loader.ValidationReport;

/**
 * The loader's report on a plugin, with iocmng's fields ({@code errors} as text) and taskhost's located problems.
 *
 * @param ok whether the plugin is valid
 * @param className its class, if found
 * @param pluginType task or job, if known
 * @param errors each problem as one line of text
 * @param problems each problem with its file, line, column and field
 */
public record Validation(boolean ok, String className, String pluginType, List<String> errors, List<LocatedProblem> problems) {

    /** @return the report as the answer carries it */
    public static Validation of(ValidationReport r) {
        return new Validation(r.ok(), r.className(), r.pluginType(), r.errors(), r.problems().stream().map(LocatedProblem::of).toList());
    }

    /**
     * One problem of a validation.
     *
     * @param file the file it is in
     * @param line its line, 0 if not known
     * @param column its column, 0 if not known
     * @param field the field it concerns, or null
     * @param message what is wrong
     */
    public record LocatedProblem(String file, int line, int column, String field, String message) {

        static LocatedProblem of(ValidationProblem p) {
            return new LocatedProblem(p.file(), p.line(), p.column(), p.field(), p.message());
        }
    }
}
