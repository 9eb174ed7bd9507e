package org.taskhost.rest.test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jakartars.runtime.dto.DTOConstants;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.taskhost.api.rest.GuardedResource;

/**
 * No resource of taskhost's REST API is served without the authentication filter: the resources are enumerated from
 * the whiteboard's runtime DTOs and the components' descriptions, not listed by hand, so a resource added later that
 * forgets {@link GuardedResource} fails here.
 */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class GuardedResourcesIT {

    /** Open on purpose (docs/rest.md): the paths, and the classes that serve them. */
    static final Set<String> OPEN_PATHS = Set.of("/api/v1/health", "/api/v1/openapi.json");
    static final Set<String> OPEN_CLASSES = Set.of("org.taskhost.rest.internal.HealthResource", "org.taskhost.rest.internal.OpenApiResource");
    static final String AUTH_FILTER = "org.taskhost.rest.internal.AuthFilter";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 30_000)
    ServiceComponentRuntime scr;

    @InjectService(timeout = 30_000)
    ConfigurationAdmin cm;

    private Whiteboard whiteboard;

    @BeforeEach
    void whiteboard() throws Exception {
        Whiteboard.configure(cm);
        whiteboard = new Whiteboard(context);
    }

    @Test
    void everyResourceComponentOfTaskhostSelectsTheAuthenticationFilterAndTheLimits() {
        List<ComponentDescriptionDTO> resources = Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.taskhost."))
                .flatMap(b -> scr.getComponentDescriptionDTOs(b).stream())
                .filter(c -> Boolean.TRUE.equals(c.properties.get("osgi.jakartars.resource"))).toList();
        assertThat(resources).as("the resources of rest, devices and mqtt").hasSizeGreaterThanOrEqualTo(12);
        for (ComponentDescriptionDTO c : resources) {
            if (OPEN_CLASSES.contains(c.implementationClass)) {
                continue;
            }
            assertThat(selects(c.properties.get("osgi.jakartars.extension.select"))).as(c.implementationClass)
                    .contains("(osgi.jakartars.name=" + GuardedResource.AUTHENTICATION + ")",
                            "(osgi.jakartars.name=" + GuardedResource.LIMITS + ")");
        }
    }

    @Test
    void withoutTheAuthenticationFilterNoGuardedResourceIsServed() throws Exception {
        RuntimeDTO before = settled();
        Map<String, String> guarded = requests(before, false);
        assertThat(guarded).as("requests to guarded resources").hasSizeGreaterThanOrEqualTo(20);
        for (var r : guarded.entrySet()) {
            assertThat(whiteboard.status(r.getValue(), r.getKey())).as("without a token, with the filter: " + r).isEqualTo(401);
        }
        ComponentDescriptionDTO auth = authFilter();
        scr.disableComponent(auth).getValue();
        try {
            await("the whiteboard drops the filter").atMost(Whiteboard.DEADLINE)
                    .until(() -> !Whiteboard.hasExtension(dto(), GuardedResource.AUTHENTICATION));
            RuntimeDTO without = settled();
            assertThat(requests(without, false)).as("resources served without the filter").isEmpty();
            assertThat(requests(without, true)).as("the open ones stay").containsOnlyKeys(OPEN_PATHS);
            List<Integer> reasons = Arrays.stream(without.failedResourceDTOs).map(f -> f.failureReason).distinct().toList();
            assertThat(reasons).containsExactly(DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE);
            for (var r : guarded.entrySet()) {
                assertThat(whiteboard.status(r.getValue(), r.getKey())).as("without a token, without the filter: " + r).isEqualTo(404);
            }
            assertThat(whiteboard.status("GET", "/api/v1/health")).isEqualTo(200);
        } finally {
            scr.enableComponent(auth).getValue();
        }
        await("the filter is back").atMost(Whiteboard.DEADLINE)
                .until(() -> Whiteboard.hasExtension(dto(), GuardedResource.AUTHENTICATION));
        RuntimeDTO again = settled();
        assertThat(requests(again, false)).containsOnlyKeys(guarded.keySet());
    }

    /** @return path to method of each resource method, of the guarded resources or of the open ones */
    private static Map<String, String> requests(RuntimeDTO dto, boolean open) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ResourceDTO r : Whiteboard.served(dto)) {
            for (var m : r.resourceMethods) {
                String path = Whiteboard.path(m);
                if (OPEN_PATHS.contains(path) == open) {
                    out.putIfAbsent(path, m.method == null ? "GET" : m.method);
                }
            }
        }
        return out;
    }

    /** @return the DTO once every resource service registered now is served or failed, not still being added */
    private RuntimeDTO settled() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (ServiceReference<?> ref : context.getServiceReferences((String) null, "(osgi.jakartars.resource=true)")) {
            ids.add((Long) ref.getProperty("service.id"));
        }
        await("the whiteboard has taken every resource").atMost(Whiteboard.DEADLINE).until(() -> {
            RuntimeDTO d = dto();
            Set<Long> known = Stream.concat(Whiteboard.served(d).stream(), Arrays.stream(d.failedResourceDTOs))
                    .map(r -> r.serviceId).collect(Collectors.toSet());
            return known.containsAll(ids);
        });
        return dto();
    }

    private RuntimeDTO dto() {
        try {
            return whiteboard.runtime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ComponentDescriptionDTO authFilter() {
        Bundle rest = Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals("org.taskhost.rest")).findFirst().orElseThrow();
        return scr.getComponentDescriptionDTO(rest, AUTH_FILTER);
    }

    private static List<String> selects(Object value) {
        return value instanceof String[] a ? List.of(a) : value instanceof String s ? List.of(s) : List.of();
    }
}
