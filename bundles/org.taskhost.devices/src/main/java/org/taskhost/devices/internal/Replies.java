package org.taskhost.devices.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.taskhost.api.device.DeviceProblem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers with the REST bundle's fields ({@code ok}, {@code message}, {@code validation}); a refused definition also
 * carries {@code errors}, one {@code {field, message}} per problem.
 */
final class Replies {

    private Replies() {
    }

    static Response ok(int status, String message, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("message", message);
        body.putAll(extra);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("message", message);
        body.put("validation", null);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Response invalid(List<DeviceProblem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("message", "the definition was refused: " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        body.put("errors", problems.stream().map(Replies::problem).toList());
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("ok", false);
        validation.put("errors", problems.stream().map(DeviceProblem::toString).toList());
        body.put("validation", validation);
        return Response.status(422).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static Map<String, Object> problem(DeviceProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", p.field());
        m.put("message", p.message());
        return m;
    }

    static Response field(String field, String message) {
        return invalid(List.of(new DeviceProblem(field, message)));
    }
}
