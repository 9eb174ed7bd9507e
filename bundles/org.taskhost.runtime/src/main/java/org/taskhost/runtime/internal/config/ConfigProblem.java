package org.taskhost.runtime.internal.config;

/**
 * One thing wrong in a config.yaml, with where it is.
 *
 * @param file the file name
 * @param line 1-based line, 0 if unknown
 * @param column 1-based column, 0 if unknown
 * @param field the dotted path of the field, empty for the whole document
 * @param message what is wrong
 */
public record ConfigProblem(String file, int line, int column, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return field.isEmpty() ? where + ": " + message : where + ": field '" + field + "': " + message;
    }
}
