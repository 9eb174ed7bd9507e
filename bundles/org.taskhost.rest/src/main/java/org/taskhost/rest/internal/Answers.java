package org.taskhost.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.ValidationProblem;
import org.taskhost.api.loader.ValidationReport;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Bodies with iocmng's fields ({@code ok}, {@code message}, {@code validation}) and the right status codes. */
final class Answers {

    private Answers() {
    }

    static Response of(int status, boolean ok, String message, ValidationReport validation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", ok);
        body.put("message", message);
        body.put("validation", validation == null ? null : validation(validation));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Response error(int status, String message) {
        return of(status, false, message, null);
    }

    static Response of(LoaderException e) {
        int status = switch (e.reason()) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
        };
        return of(status, false, e.getMessage(), e.report());
    }

    static Map<String, Object> validation(ValidationReport r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ok", r.ok());
        v.put("class_name", r.className());
        v.put("plugin_type", r.pluginType());
        v.put("errors", r.errors());
        v.put("problems", r.problems().stream().map(Answers::problem).toList());
        return v;
    }

    private static Map<String, Object> problem(ValidationProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("line", p.line());
        m.put("column", p.column());
        m.put("field", p.field());
        m.put("message", p.message());
        return m;
    }
}
