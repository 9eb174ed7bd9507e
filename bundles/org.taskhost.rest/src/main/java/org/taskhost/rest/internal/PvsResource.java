package org.taskhost.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.rest.internal.answers.PvProvider;
import org.taskhost.rest.internal.answers.PvRead;
import org.taskhost.rest.internal.answers.PvWrite;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * iocmng's PV paths, {@code POST /pvs/get} and {@code /pvs/put} with its bodies, for the PVs this taskhost serves.
 * Unlike iocmng's they need a token (read, operate), they are no open proxy to other hosts' PVs, and a put goes
 * through the same checks as a Channel Access put and answers when the plugin has handled it.
 */
@Component(service = PvsResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1/pvs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PvsResource {

    static final double DEFAULT_TIMEOUT = 5.0;

    @Reference
    PvRegistry registry;

    @GET
    @Path("provider")
    public PvProvider provider() {
        return new PvProvider("ca");
    }

    @POST
    @Path("get")
    public Response get(Map<String, Object> body) {
        Optional<String> name = name(body);
        if (name.isEmpty()) {
            return answer(400, null, "field 'pv_name' is required: the full name of a PV, such as BEAMLINE:DEFAULT:MONITOR:READING", null, false, true);
        }
        Optional<Pv> pv = registry.find(name.get());
        if (pv.isEmpty()) {
            return answer(404, name.get(), "PV " + name.get() + " is not served by this taskhost", null, false, true);
        }
        return answer(200, name.get(), null, pv.get().get(), true, true);
    }

    @POST
    @Path("put")
    public Response put(Map<String, Object> body) {
        Optional<String> name = name(body);
        if (name.isEmpty()) {
            return answer(400, null, "field 'pv_name' is required", null, false, false);
        }
        if (body == null || !body.containsKey("value")) {
            return answer(400, name.get(), "field 'value' is required", null, false, false);
        }
        Optional<Double> timeout = timeout(body);
        if (timeout.isEmpty()) {
            return answer(400, name.get(), "field 'timeout' must be a number of seconds > 0", null, false, false);
        }
        Optional<Pv> pv = registry.find(name.get());
        if (pv.isEmpty()) {
            return answer(404, name.get(), "PV " + name.get() + " is not served by this taskhost", null, false, false);
        }
        Object value = body.get("value");
        try {
            pv.get().put(value instanceof java.util.List<?> l ? l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray() : value)
                    .toCompletableFuture().get((long) (timeout.get() * 1000), TimeUnit.MILLISECONDS);
            return answer(200, name.get(), null, null, true, false);
        } catch (PutRejectedException | ClassCastException e) {
            return answer(422, name.get(), e.getMessage(), null, false, false);
        } catch (TimeoutException e) {
            return answer(504, name.get(), "the plugin did not handle the put within " + timeout.get() + " s", null, false, false);
        } catch (ExecutionException e) {
            return answer(500, name.get(), "the plugin failed on the put: " + e.getCause().getMessage(), null, false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answer(503, name.get(), "interrupted", null, false, false);
        }
    }

    private static Optional<String> name(Map<String, Object> body) {
        Object n = body == null ? null : body.get("pv_name");
        return n instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
    }

    private static Optional<Double> timeout(Map<String, Object> body) {
        Object t = body.getOrDefault("timeout", DEFAULT_TIMEOUT);
        return t instanceof Number n && n.doubleValue() > 0 ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static Response answer(int status, String name, String error, Object value, boolean ok, boolean withValue) {
        Object body = withValue ? new PvRead(ok, name, value, error) : new PvWrite(ok, name, error);
        return Response.status(status).entity(body).build();
    }
}
