package org.taskhost.rest.internal;

import java.util.function.UnaryOperator;

/**
 * The start line that says where the REST API listens, so that an administrator sees at once whether it is reachable
 * from the network. The address and port are the framework properties that the boot bundle sets from
 * {@code TASKHOST_HOST} and {@code TASKHOST_PORT} and that Jetty binds to.
 */
final class RestEndpoint {

    static final String HOST = "org.apache.felix.http.host";
    static final String PORT = "org.osgi.service.http.port";

    private RestEndpoint() {
    }

    static String describe(UnaryOperator<String> property) {
        String host = property.apply(HOST);
        host = host == null || host.isBlank() ? "0.0.0.0" : host.trim();
        String port = property.apply(PORT);
        port = port == null || port.isBlank() ? "8080" : port.trim();
        String reach = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "every interface; TASKHOST_HOST=127.0.0.1 keeps it on this host";
            case "127.0.0.1", "localhost", "::1", "[::1]" -> "this host only";
            default -> "the interface of " + host + " only";
        };
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "REST API on http://" + shown + ":" + port + "/api/v1 (" + reach + "); every request but /health and /openapi.json needs a token";
    }
}
