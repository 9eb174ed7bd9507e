package org.taskhost.rest.internal;


import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.rest.internal.answers.Whoami;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/whoami}: the role of the request's token, so that a client (the web page) offers only what the
 * role allows. The authentication filter checks the token here even when reads are open.
 */
@Component(service = WhoamiResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1/whoami")
public class WhoamiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Whoami whoami(@Context SecurityContext security) {
        if (security.getUserPrincipal() instanceof TokenSecurityContext token) {
            return token.describe();
        }
        throw new NotAuthorizedException("Bearer realm=\"taskhost\"");
    }
}
