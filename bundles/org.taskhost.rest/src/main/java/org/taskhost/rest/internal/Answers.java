package org.taskhost.rest.internal;

import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.ValidationReport;
import org.taskhost.rest.internal.answers.Answer;
import org.taskhost.rest.internal.answers.Validation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Bodies with iocmng's fields ({@code ok}, {@code message}, {@code validation}) and the right status codes. */
final class Answers {

    private Answers() {
    }

    static Response of(int status, boolean ok, String message, ValidationReport validation) {
        Answer body = new Answer(ok, message, validation == null ? null : Validation.of(validation));
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
}
