package org.taskhost.devices.internal;

import java.util.List;

import org.taskhost.api.device.DeviceProblem;
import org.taskhost.devices.internal.answers.DeviceError;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers with the REST bundle's fields ({@code ok}, {@code message}, {@code validation}); a refused definition also
 * carries {@code errors}, one {@code {field, message}} per problem.
 */
final class Replies {

    private Replies() {
    }

    static Response ok(int status, Object body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Response error(int status, String message) {
        return ok(status, new DeviceError(false, message, null, null));
    }

    static Response invalid(List<DeviceProblem> problems) {
        String message = "the definition was refused: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        return ok(422, new DeviceError(false, message,
                problems.stream().map(p -> new DeviceError.FieldProblem(p.field(), p.message())).toList(),
                new DeviceError.DeviceValidation(false, problems.stream().map(DeviceProblem::toString).toList())));
    }

    static Response field(String field, String message) {
        return invalid(List.of(new DeviceProblem(field, message)));
    }
}
