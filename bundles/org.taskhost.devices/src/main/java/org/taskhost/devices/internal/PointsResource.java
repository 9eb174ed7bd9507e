package org.taskhost.devices.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.devices.internal.answers.PointDefinition;
import org.taskhost.devices.internal.answers.PointReading;
import org.taskhost.devices.internal.answers.PointWithHistory;
import org.taskhost.devices.internal.answers.PointWithReading;
import org.taskhost.devices.internal.answers.ReadReply;
import org.taskhost.devices.internal.answers.WriteReply;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/devices/{id}/points}: the points with their cached values, one point with its history, a read now
 * ({@code POST /devices/{id}/read}) and a write ({@code POST .../points/{point}/write}, operate role). Its root path is
 * {@link DevicesResource}'s, which Jersey merges: a root of {@code api/v1/devices/{id}} would take every
 * {@code /devices/<id>} request away from it.
 */
@Component(service = PointsResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
public class PointsResource {

    @Reference
    DevicesComponent devices;

    @GET
    @Path("{id}/points")
    public Response points(@PathParam("id") String id) {
        Optional<Device> d = devices.access().device(id);
        if (d.isEmpty()) {
            return Replies.error(404, "no device '" + id + "'");
        }
        return Response.ok(d.get().config().points().stream().map(p -> point(id, p)).toList()).build();
    }

    @GET
    @Path("{id}/points/{point}")
    public Response point(@PathParam("id") String id, @PathParam("point") String point) {
        Optional<Point> p = devices.access().device(id).flatMap(d -> d.config().point(point));
        if (p.isEmpty()) {
            return Replies.error(404, devices.access().device(id).isEmpty() ? "no device '" + id + "'" : "device '" + id + "' has no point '" + point + "'");
        }
        PointRef ref = new PointRef(id, point);
        return Response.ok(new PointWithHistory(PointDefinition.of(p.get()), reading(devices.cache().latest(ref).orElse(null)),
                devices.cache().history(ref).stream().map(PointsResource::reading).toList())).build();
    }

    private PointWithReading point(String device, Point p) {
        return new PointWithReading(PointDefinition.of(p), reading(devices.cache().latest(new PointRef(device, p.id())).orElse(null)));
    }

    /** @return the value as answers and events show it (bytes as hex text) */
    static PointReading reading(PointValue v) {
        return v == null ? PointReading.NOT_READ
                : new PointReading(PointValues.display(v.value()), v.quality().name(), v.reason(), v.timestamp());
    }

    @POST
    @Path("{id}/read")
    public Response read(@PathParam("id") String id) {
        Optional<Device> d = devices.access().device(id);
        if (d.isEmpty()) {
            return Replies.error(404, "no device '" + id + "'");
        }
        if (!devices.access().polled(id)) {
            return Replies.error(409, "device " + id + " is not polled: " + d.get().health().message());
        }
        try {
            Map<String, PointValue> values = devices.access().readNow(id).toCompletableFuture()
                    .get(DeviceLoop.callLimit(d.get().config()).toMillis(), TimeUnit.MILLISECONDS);
            Map<String, PointReading> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, reading(v)));
            return Replies.ok(200, new ReadReply(true, "device " + id + " read", out));
        } catch (ExecutionException e) {
            return NoAnswer.in(e.getCause()) ? Replies.error(504, "device " + id + " did not answer: " + DeviceLoop.describe(e.getCause()))
                    : Replies.error(502, "device " + id + " failed: " + DeviceLoop.describe(e.getCause()));
        } catch (TimeoutException e) {
            return Replies.error(504, "device " + id + " did not answer in " + DeviceLoop.callLimit(d.get().config()).toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Replies.error(503, "interrupted");
        }
    }

    @POST
    @Path("{id}/points/{point}/write")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response write(@PathParam("id") String id, @PathParam("point") String point, Map<String, Object> body) {
        Optional<DeviceConfig> c = devices.access().device(id).map(Device::config);
        if (c.isEmpty() || c.get().point(point).isEmpty()) {
            return Replies.error(404, c.isEmpty() ? "no device '" + id + "'" : "device '" + id + "' has no point '" + point + "'");
        }
        if (body == null || !body.containsKey("value")) {
            return Replies.field("value", "is required: {\"value\": 21.5, \"priority\": 8}; {\"value\": null} relinquishes");
        }
        for (String k : body.keySet()) {
            if (!k.equals("value") && !k.equals("priority")) {
                return Replies.field(k, "unknown field (known: priority, value)");
            }
        }
        Integer priority = null;
        Object given = body.get("priority");
        if (given != null) {
            if (!(given instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1 || n.intValue() > 16) {
                return Replies.field("priority", "'" + given + "' must be an integer 1-16");
            }
            priority = ((Number) given).intValue();
        }
        Point p = c.get().point(point).get();
        if (!p.writable()) {
            return Replies.error(409, "point " + id + "/" + point + " is not writable (writable: false in its definition)");
        }
        try {
            devices.access().write(new PointRef(id, point), body.get("value"), priority).toCompletableFuture()
                    .get(DeviceLoop.callLimit(c.get()).toMillis(), TimeUnit.MILLISECONDS);
            Object value = body.get("value");
            return Replies.ok(200, new WriteReply(true, value == null ? "relinquished " + id + "/" + point + (priority == null ? "" : " at priority " + priority)
                    : "wrote " + value + " to " + id + "/" + point + (priority == null ? "" : " at priority " + priority),
                    point(id, p)));
        } catch (IllegalArgumentException e) {
            return Replies.field("value", e.getMessage());
        } catch (ExecutionException e) {
            return NoAnswer.in(e.getCause()) ? Replies.error(504, "device " + id + " did not answer: " + DeviceLoop.describe(e.getCause()))
                    : Replies.error(502, "device " + id + " refused the write: " + DeviceLoop.describe(e.getCause()));
        } catch (TimeoutException e) {
            return Replies.error(504, "device " + id + " did not answer in " + DeviceLoop.callLimit(c.get()).toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Replies.error(503, "interrupted");
        }
    }


}
