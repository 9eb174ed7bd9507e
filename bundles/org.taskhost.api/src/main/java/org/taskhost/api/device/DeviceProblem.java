package org.taskhost.api.device;

/**
 * One thing wrong in a device's configuration.
 *
 * @param field the path of the field: {@code id}, {@code address}, {@code options.max_per_request},
 *        {@code points[2].address}, ...; empty for the device as a whole
 * @param message what is wrong
 */
public record DeviceProblem(String field, String message) {

    /** @return {@code field: message}, or the message alone when no field is named */
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
