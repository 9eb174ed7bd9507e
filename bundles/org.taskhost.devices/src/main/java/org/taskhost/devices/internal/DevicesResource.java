package org.taskhost.devices.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.devices.internal.answers.DeletedReply;
import org.taskhost.devices.internal.answers.DeviceReply;
import org.taskhost.devices.internal.answers.DeviceWithHealth;
import org.taskhost.devices.internal.answers.DiscoveryReply;
import org.taskhost.devices.internal.answers.FoundDevice;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/devices}: list, create, read, update, delete, enable, disable and discover devices. In the REST
 * whiteboard's default application, so the REST bundle's authentication (read for GET, deploy for create, update
 * and delete, operate for enable, disable and discover) and its JSON reader and writer apply.
 */
@Component(service = DevicesResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @Reference
    DevicesComponent devices;

    @GET
    public List<DeviceWithHealth> list() {
        return devices.access().devices().stream().map(DeviceWithHealth::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Map<String, Object> body) {
        if (body == null) {
            return Replies.error(400, "the body must be a JSON object defining the device");
        }
        try {
            DeviceConfig c = DeviceParser.parse(body);
            devices.registry().create(c);
            return Replies.ok(201, new DeviceReply(true, "device " + c.id() + " created", DeviceWithHealth.of(describe(c.id()))));
        } catch (InvalidDeviceException e) {
            return Replies.invalid(e.problems());
        } catch (IllegalStateException e) {
            return Replies.error(409, e.getMessage() + ": update it with PUT /api/v1/devices/" + body.get("id"));
        } catch (IOException e) {
            return Replies.error(500, "the device could not be stored: " + e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return devices.access().device(id).map(d -> Response.ok(DeviceWithHealth.of(d)).build())
                .orElseGet(() -> Replies.error(404, "no device '" + id + "'"));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, Map<String, Object> body) {
        if (body == null) {
            return Replies.error(400, "the body must be a JSON object defining the device");
        }
        if (devices.access().device(id).isEmpty()) {
            return Replies.error(404, "no device '" + id + "'; create it with POST /api/v1/devices");
        }
        Map<String, Object> definition = new LinkedHashMap<>(body);
        Object given = definition.putIfAbsent("id", id);
        if (given != null && !id.equals(given)) {
            return Replies.field("id", "'" + given + "' differs from the path's '" + id + "'; a device cannot be renamed");
        }
        try {
            DeviceConfig c = DeviceParser.parse(definition);
            devices.registry().update(c);
            return Replies.ok(200, new DeviceReply(true, "device " + id + " updated", DeviceWithHealth.of(describe(id))));
        } catch (InvalidDeviceException e) {
            return Replies.invalid(e.problems());
        } catch (NoSuchElementException e) {
            return Replies.error(404, e.getMessage());
        } catch (IOException e) {
            return Replies.error(500, "the device could not be stored: " + e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        try {
            devices.registry().delete(id);
            return Replies.ok(200, new DeletedReply(true, "device " + id + " deleted"));
        } catch (NoSuchElementException e) {
            return Replies.error(404, e.getMessage());
        } catch (IOException e) {
            return Replies.error(500, "the device could not be deleted: " + e.getMessage());
        }
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") String id) {
        return enabled(id, true);
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") String id) {
        return enabled(id, false);
    }

    private Response enabled(String id, boolean on) {
        try {
            devices.registry().setEnabled(id, on);
            return Replies.ok(200, new DeviceReply(true, "device " + id + (on ? " enabled" : " disabled"), DeviceWithHealth.of(describe(id))));
        } catch (NoSuchElementException e) {
            return Replies.error(404, e.getMessage());
        } catch (IOException e) {
            return Replies.error(500, "the device could not be stored: " + e.getMessage());
        }
    }

    @POST
    @Path("discover")
    public Response discover(@QueryParam("driver") String driver, @QueryParam("timeout") Double timeout,
            @Context UriInfo uri) {
        if (driver == null || driver.isBlank()) {
            return Replies.field("driver", "is required: POST /api/v1/devices/discover?driver=<name>");
        }
        if (timeout != null && !(timeout > 0 && timeout <= 60)) {
            return Replies.field("timeout", timeout + " is out of range: seconds, > 0 and <= 60");
        }
        Map<String, String> opts = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (!k.equals("driver") && !k.equals("timeout") && !v.isEmpty()) {
                opts.put(k, v.get(0));
            }
        });
        try {
            List<DiscoveredDevice> found = devices.access().discover(driver, opts, (long) ((timeout == null ? 3.0 : timeout) * 1000));
            return Replies.ok(200, new DiscoveryReply(true, found.size() + " device(s) found", found.stream().map(FoundDevice::of).toList()));
        } catch (IllegalArgumentException e) {
            return Replies.error(404, e.getMessage());
        } catch (UnsupportedOperationException e) {
            return Replies.error(501, "driver '" + driver + "': " + e.getMessage());
        } catch (RuntimeException e) {
            return Replies.error(502, e.getMessage());
        }
    }

    private Device describe(String id) {
        return devices.access().device(id).orElseThrow(() -> new NoSuchElementException("no device '" + id + "'"));
    }
}
