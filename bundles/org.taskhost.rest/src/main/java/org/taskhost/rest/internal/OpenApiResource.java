package org.taskhost.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of this API, kept beside the code. */
@Component(service = OpenApiResource.class)
@JakartarsResource
@Path("api/v1/openapi.json")
public class OpenApiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/openapi.json")) {
            return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
