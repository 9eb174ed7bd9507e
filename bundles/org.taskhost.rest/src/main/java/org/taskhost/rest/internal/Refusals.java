package org.taskhost.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Ends a request in a filter. The unread request body is read first: Jetty drops a keep-alive connection whose body
 * was left unread when the answer went out, and a client that reuses it sees the connection close with no answer.
 */
final class Refusals {

    /** Bodies up to this size are read and dropped; past it the connection may close, which suits a refused upload. */
    static final int DRAIN_LIMIT = 1 << 20;

    private Refusals() {
    }

    static void refuse(ContainerRequestContext request, Response answer) {
        refuse(request, answer, DRAIN_LIMIT);
    }

    /** Ends a request after reading and dropping up to {@code upTo} bytes of its body. */
    static void refuse(ContainerRequestContext request, Response answer, long upTo) {
        if (request.hasEntity()) {
            drain(request.getEntityStream(), upTo);
        }
        request.abortWith(answer);
    }

    /**
     * Ends a request without reading its body: one declared too large to read at all. A client that asked
     * {@code Expect: 100-continue} (curl does for large bodies) hears the answer before it sends the body; others may
     * see the connection close while they still send.
     */
    static void refuseUnread(ContainerRequestContext request, Response answer) {
        request.abortWith(answer);
    }

    static void drain(InputStream body) {
        drain(body, DRAIN_LIMIT);
    }

    static void drain(InputStream body, long upTo) {
        byte[] buffer = new byte[8192];
        long total = 0;
        try {
            for (int n; total < upTo && (n = body.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away; there is nothing left to keep alive
        }
    }
}
