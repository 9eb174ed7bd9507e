package org.taskhost.rest.internal;

import java.lang.annotation.Annotation;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.taskhost.rest.internal.answers.Answer;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

/**
 * Every error answer is JSON with iocmng's fields, never Jetty's HTML page: a path that no endpoint serves (404), a
 * method an endpoint does not take (405, with its {@code Allow} header), an unacceptable media type (406, 415), and any
 * other error Jersey answers without a body.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("taskhost-http-errors")
@Priority(Priorities.USER + 1000)
public class HttpErrors implements ContainerResponseFilter {

    private static final Annotation[] NONE = new Annotation[0];

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        response.setEntity(body(response.getStatus(), request.getMethod(), "/" + strip(request.getUriInfo().getPath()),
                response.getAllowedMethods()), NONE, MediaType.APPLICATION_JSON_TYPE);
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /**
     * @param status the HTTP status of an answer that has no body
     * @param method the request's method
     * @param path the request's path, such as {@code /api/v1/nothing}
     * @param allowed the methods the path takes, for a 405
     * @return the JSON body: ok false, a message naming the path, no validation
     */
    static Answer body(int status, String method, String path, Set<String> allowed) {
        String message = switch (status) {
            case 404 -> "no endpoint at " + path + " (see /api/v1/openapi.json)";
            case 405 -> "method " + method + " is not allowed on " + path + (allowed.isEmpty() ? "" : "; allowed: "
                    + String.join(", ", new java.util.TreeSet<>(allowed)));
            case 406 -> "no acceptable representation of " + path + ": it answers application/json";
            case 415 -> "unsupported content type for " + method + " " + path + ": send application/json";
            default -> method + " " + path + " failed with HTTP status " + status;
        };
        return new Answer(false, message, null);
    }
}
