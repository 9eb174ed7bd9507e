package org.taskhost.api.config;

/**
 * One thing wrong in a config.yaml or in parameter overrides, with where it is.
 *
 * @param file the file name ({@code parameters} for overrides given through REST or the shell)
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param field the dotted path of the field, empty for the whole document
 * @param message what is wrong
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {

    /** @return {@code file:line:column: field 'x': message}, leaving out what is unknown */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String what = field.isEmpty() ? message : "field '" + field + "': " + message;
        return where.isEmpty() ? what : where + ": " + what;
    }
}
