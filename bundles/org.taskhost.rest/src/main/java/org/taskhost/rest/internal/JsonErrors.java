package org.taskhost.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Malformed JSON or a field of the wrong type: 400 with what the parser said, and where. JSON nested deeper than
 * {@link JsonProvider#MAX_DEPTH}: 413 with the limit.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("taskhost-json-errors")
public class JsonErrors implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return Answers.error(413, "JSON nested deeper than " + JsonProvider.MAX_DEPTH + " levels is not accepted");
            }
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Answers.error(400, "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
}
