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
        if (request.hasEntity()) {
            drain(request.getEntityStream());
        }
        request.abortWith(answer);
    }

    static void drain(InputStream body) {
        byte[] buffer = new byte[8192];
        int total = 0;
        try {
            for (int n; total < DRAIN_LIMIT && (n = body.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // the client went away; there is nothing left to keep alive
        }
    }
}
