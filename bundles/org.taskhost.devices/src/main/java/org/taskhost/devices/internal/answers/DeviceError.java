package org.taskhost.devices.internal.answers;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer, with the REST bundle's fields ({@code ok}, {@code message}, {@code validation}); a refused
 * definition also carries {@code errors}, one {@code {field, message}} per problem, and a validation.
 *
 * @param ok false
 * @param message what went wrong
 * @param errors each problem of a refused definition; left out otherwise
 * @param validation the problems as text for a refused definition; null otherwise
 */
public record DeviceError(boolean ok, String message, @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldProblem> errors,
        DeviceValidation validation) {

    /**
     * @param field the field of the definition
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {
    }

    /**
     * @param ok false
     * @param errors each problem as text
     */
    public record DeviceValidation(boolean ok, List<String> errors) {
    }
}
