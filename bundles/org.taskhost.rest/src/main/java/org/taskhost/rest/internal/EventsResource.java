package org.taskhost.rest.internal;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.taskhost.api.handoff.Fanout;
import org.taskhost.api.loader.LoaderListener;
import org.taskhost.api.rest.GuardedResource;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.json.TaskhostJson;
import org.taskhost.rest.internal.answers.PluginChange;
import org.taskhost.rest.internal.answers.Progress;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/events}: Server-Sent Events. {@code progress} events follow each step of an add, reload or
 * remove; {@code plugin} events follow every start, state change and stop of a plugin. It hears them as a
 * {@link LoaderListener} and a {@link PluginListener} on the whiteboard.
 */
@Component(service = {EventsResource.class, PluginListener.class, LoaderListener.class})
@JakartarsResource
@GuardedResource
@Path("api/v1/events")
public class EventsResource implements PluginListener, LoaderListener {

    /** Each open stream, with its own bounded hand-off: a slow client loses only its own oldest events. */
    private final Fanout<SseClient.Event> clients = new Fanout<>("events", Duration.ofSeconds(10));

    @Reference
    PluginRuntime runtime;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@Context SseEventSink sink, @Context Sse sse) {
        sink.send(sse.newEventBuilder().name("hello").data("{\"ok\":true}").build());
        clients.add(new SseClient(sink, sse));
    }

    @Override
    public void pluginEvent(PluginEvent event) {
        if (clients.isEmpty()) {
            return;
        }
        String name = event.plugin();
        PluginKind kind = event.type() == PluginEvent.Type.REMOVED ? null : runtime.plugin(name).map(PluginInfo::kind).orElse(null);
        broadcast("plugin", new PluginChange(name, event.type().name(), PluginDicts.live(event.state().phase(), kind,
                event.state()), event.timestamp()));
    }

    @Override
    public void progress(String plugin, String step, String detail) {
        broadcast("progress", new Progress(plugin, step, detail));
    }

    private void broadcast(String name, Object data) {
        String json;
        try {
            json = TaskhostJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return;
        }
        clients.broadcast(new SseClient.Event(name, json));
    }

    @Deactivate
    void close() {
        clients.close();
    }
}
