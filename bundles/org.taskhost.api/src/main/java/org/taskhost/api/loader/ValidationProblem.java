package org.taskhost.api.loader;

import org.taskhost.api.config.ConfigProblem;

/**
 * One thing wrong with a plugin source, with where it is as far as known: what a page or a client shows in columns,
 * never parsed back out of text.
 *
 * @param file the file it is in ({@code config.yaml}, {@code Plugin.java}, {@code parameters} for overrides), or empty
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param field the dotted path of a config.yaml field (or a request field such as {@code git_url}), or empty
 * @param message what is wrong
 */
public record ValidationProblem(String file, int line, int column, String field, String message) {

    /** Empty instead of null for file and field. */
    public ValidationProblem {
        file = file == null ? "" : file;
        field = field == null ? "" : field;
        message = message == null ? "" : message;
    }

    /**
     * @param message what is wrong, with no place to name
     * @return the problem
     */
    public static ValidationProblem of(String message) {
        return new ValidationProblem("", 0, 0, "", message);
    }

    /**
     * @param file the file it is in
     * @param message what is wrong there
     * @return the problem
     */
    public static ValidationProblem inFile(String file, String message) {
        return new ValidationProblem(file, 0, 0, "", message);
    }

    /**
     * @param p a problem of a config.yaml or of parameter overrides
     * @return the same problem
     */
    public static ValidationProblem of(ConfigProblem p) {
        return new ValidationProblem(p.file(), p.line(), p.column(), p.field(), p.message());
    }

    /** @return {@code file:line:column: field 'x': message}, leaving out what is unknown; iocmng's one-line errors */
    @Override
    public String toString() {
        return new ConfigProblem(file, line, column, field, message).toString();
    }
}
