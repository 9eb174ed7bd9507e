package org.taskhost.devices.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.handoff.Fanout;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.devices.internal.answers.PointChange;
import org.taskhost.json.TaskhostJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/devices/events[?device=<id>]}: Server-Sent Events, a {@code point} event for every change of a
 * point's value, quality or reason, from the point cache's listener thread.
 */
@Component(service = DeviceEventsResource.class)
@JakartarsResource
@GuardedResource
@Path("api/v1/devices/events")
public class DeviceEventsResource {

    /**
     * One open stream, and the device it follows (null: all). Each send is written and waited for on the client's own
     * thread, so a client that reads slowly holds up only itself.
     */
    private record Client(SseEventSink sink, Sse sse, String device) implements Fanout.Client<String> {

        @Override
        public void send(String json, Duration limit) throws Exception {
            if (sink.isClosed()) {
                throw new IllegalStateException("the client closed its stream");
            }
            sink.send(sse.newEventBuilder().name("point").data(json).build()).toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            sink.close();
        }

        boolean follows(String id) {
            return device == null || device.equals(id);
        }
    }

    /** Each open stream, with its own bounded hand-off: a slow client loses only its own oldest events. */
    private final Fanout<String> clients = new Fanout<>("device-events", Duration.ofSeconds(10));
    private final ListenerHandle listening;

    @Activate
    public DeviceEventsResource(@Reference DevicesComponent devices) {
        this.listening = devices.cache().listenAll(this::changed);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("device") String device, @Context SseEventSink sink, @Context Sse sse) {
        sink.send(sse.newEventBuilder().name("hello").data("{\"ok\":true}").build());
        clients.add(new Client(sink, sse, device));
    }

    private void changed(PointRef ref, PointValue value) {
        if (clients.isEmpty()) {
            return;
        }
        String json;
        try {
            json = TaskhostJson.mapper().writeValueAsString(new PointChange(ref.device(), ref.point(), PointsResource.reading(value)));
        } catch (JsonProcessingException e) {
            return;
        }
        clients.broadcast(json, c -> ((Client) c).follows(ref.device()));
    }

    @Deactivate
    void close() {
        listening.close();
        clients.close();
    }
}
