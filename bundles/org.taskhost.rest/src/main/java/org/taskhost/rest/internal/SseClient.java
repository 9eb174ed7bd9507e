package org.taskhost.rest.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.taskhost.api.handoff.Fanout;

import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * An open {@code GET /api/v1/events} stream as a client of a {@link Fanout}: each send is written and waited for on the
 * client's own thread, so a client that reads slowly holds up only itself.
 *
 * @param sink the stream
 * @param sse builds its events
 */
record SseClient(SseEventSink sink, Sse sse) implements Fanout.Client<SseClient.Event> {

    /** An event: its name and its JSON data. */
    record Event(String name, String json) {
    }

    @Override
    public void send(Event event, Duration limit) throws Exception {
        if (sink.isClosed()) {
            throw new IllegalStateException("the client closed its stream");
        }
        sink.send(sse.newEventBuilder().name(event.name()).data(event.json()).build()).toCompletableFuture()
                .get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        sink.close();
    }
}
