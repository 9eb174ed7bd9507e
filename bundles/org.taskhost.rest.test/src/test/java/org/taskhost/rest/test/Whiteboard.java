package org.taskhost.rest.test;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;

/** The Jakarta REST whiteboard as the tests see it: its runtime DTOs, its HTTP endpoint, and conditions to wait for. */
final class Whiteboard {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BundleContext context;

    Whiteboard(BundleContext context) {
        this.context = context;
    }

    /** The whiteboard's runtime PID needs a configuration before it serves (as launcher/etc gives it). */
    static void configure(ConfigurationAdmin cm) throws IOException {
        var config = cm.getConfiguration("JakartarsServletWhiteboardRuntimeComponent", "?");
        if (config.getProperties() == null) {
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("jersey.context.path", "/");
            config.update(p);
        }
    }

    RuntimeDTO runtime() throws InterruptedException {
        await("the Jakarta REST whiteboard runs").atMost(DEADLINE)
                .until(() -> context.getServiceReference(JakartarsServiceRuntime.class) != null);
        ServiceReference<JakartarsServiceRuntime> ref = context.getServiceReference(JakartarsServiceRuntime.class);
        JakartarsServiceRuntime runtime = context.getService(ref);
        try {
            return runtime.getRuntimeDTO();
        } finally {
            context.ungetService(ref);
        }
    }

    /** @return every resource the whiteboard serves, in every application */
    static List<ResourceDTO> served(RuntimeDTO dto) {
        List<ResourceDTO> all = new ArrayList<>(List.of(dto.defaultApplication.resourceDTOs));
        for (var app : dto.applicationDTOs) {
            all.addAll(List.of(app.resourceDTOs));
        }
        return all;
    }

    static boolean hasExtension(RuntimeDTO dto, String name) {
        return List.of(dto.defaultApplication.extensionDTOs).stream().anyMatch(e -> name.equals(e.name));
    }

    /** @return a request path for the method, its templates filled in: a regex template takes its first choice */
    static String path(ResourceMethodInfoDTO method) {
        String p = method.path.replaceAll("\\{[^}:]+:\\s*([^|}]+)[^}]*\\}", "$1").replaceAll("\\{[^}]+\\}", "x");
        return p.startsWith("/") ? p : "/" + p;
    }

    /** The base URL Jetty answers on: the HTTP runtime's endpoint (the port is an ephemeral one). */
    String endpoint() throws InterruptedException {
        await("the HTTP runtime names its endpoint").atMost(DEADLINE).until(() -> endpointOrNull() != null);
        return endpointOrNull();
    }

    private String endpointOrNull() {
        try {
            for (var ref : context.getServiceReferences("org.osgi.service.servlet.runtime.HttpServiceRuntime", null)) {
                Object e = ref.getProperty("osgi.http.endpoint");
                String url = e instanceof String[] a && a.length > 0 ? a[0] : e instanceof String s ? s : null;
                if (url != null) {
                    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    /** @return the status of a request without a token; a body for the methods that carry one */
    int status(String method, String path) throws IOException, InterruptedException {
        boolean body = method.equals("POST") || method.equals("PUT");
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
