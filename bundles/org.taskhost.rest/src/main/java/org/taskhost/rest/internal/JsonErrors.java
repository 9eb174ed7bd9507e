package org.taskhost.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Malformed JSON or a field of the wrong type: 400 with what the parser said, and where. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("taskhost-json-errors")
public class JsonErrors implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Answers.error(400, "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
}
