package org.taskhost.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.handoff.Handoff;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.rest.internal.answers.Health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/health}, as iocmng answers it; the counts are of every plugin the model knows, as iocmng counts its
 * registry. {@code auth} says whether the rest of the API checks tokens ({@code ok}) or refuses everything
 * ({@code closed}: see the start output for why). It is open on purpose, so it carries no {@code @GuardedResource}.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@Path("api/v1/health")
public class HealthResource {

    @Reference
    PluginRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AuthFilter auth;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Health health() {
        List<PluginInfo> plugins = runtime.plugins();
        Health.DroppedCounts dropped = new Health.DroppedCounts(
                plugins.stream().mapToLong(p -> p.state() == null ? 0 : p.state().dropped()).sum(),
                runtime.viewDeliveries().values().stream().mapToLong(Handoff.Counts::dropped).sum());
        AuthFilter filter = auth;
        return new Health("ok", "0.1.0", plugins.stream().filter(p -> p.kind() == PluginKind.TASK).count(),
                plugins.stream().filter(p -> p.kind() == PluginKind.JOB).count(), dropped,
                filter == null || filter.closed().isPresent() ? "closed" : "ok");
    }
}
