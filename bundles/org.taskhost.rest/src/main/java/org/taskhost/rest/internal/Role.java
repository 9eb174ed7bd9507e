package org.taskhost.rest.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a token may do; each role includes the ones before it. */
enum Role {
    /** GET: lists, states, PVs, logs */
    READ,
    /** run, trigger, start, stop, enable, disable, clear, reset; devices: read now, write a point, enable, disable, discover */
    OPERATE,
    /** add, reload, remove plugins; change parameters; create, update, delete devices */
    DEPLOY,
    /** everything */
    ADMIN;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the labels of the roles this one includes, itself last */
    static List<String> ladder(Role role) {
        return Arrays.stream(values()).filter(role::covers).map(Role::label).toList();
    }

    static boolean isWhoami(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return method.equals("GET") && p.equals("api/v1/whoami");
    }

    boolean covers(Role needed) {
        return compareTo(needed) >= 0;
    }

    static Optional<Role> parse(String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param method the HTTP method
     * @param path the request path without a leading slash, such as {@code api/v1/tasks/x}
     * @return the role a request needs, or empty for none (health)
     */
    static Optional<Role> needed(String method, String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.equals("api/v1/health") || p.equals("api/v1/openapi.json")) {
            return Optional.empty();
        }
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return Optional.of(READ);
        }
        if (p.matches("api/v1/(jobs|plugins)/[^/]+/(run|trigger|start|stop|enable|disable|clear|reset)") || p.equals("api/v1/pvs/put")
                || p.matches("api/v1/devices/[^/]+/(read|enable|disable)|api/v1/devices/[^/]+/points/[^/]+/write|api/v1/devices/discover")) {
            return Optional.of(OPERATE);
        }
        if (p.equals("api/v1/pvs/get")) {
            return Optional.of(READ);
        }
        return Optional.of(DEPLOY);
    }
}
