package org.taskhost.devices.internal;

import java.util.List;
import java.util.function.Consumer;

import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.handoff.Handoff;

/**
 * Hands point changes to listeners, in order for each listener and point, through a {@link Handoff} with a virtual thread of its own: drivers and
 * poll loops only offer. Up to {@value #PER_POINT} changes of one point wait for one listener, {@value #CAPACITY} in
 * all; beyond that the oldest are dropped and counted, so a listener that stalls never builds a growing backlog. A
 * listener that throws is reported (at its 1st, 10th, 100th, ... failure) and keeps receiving.
 */
final class Dispatcher implements AutoCloseable {

    static final int PER_POINT = 16;
    static final int CAPACITY = 10_000;

    /** One change for one listener; the listener and the point are its key. */
    private record Change(PointListener listener, PointRef ref, PointValue value) {
        Object key() {
            return List.of(listener, ref);
        }
    }

    private final Handoff<Change> handoff;

    /** @param warn where a failing listener is reported */
    Dispatcher(Consumer<String> warn) {
        this.handoff = Handoff.<Change>named("devices-events").capacity(CAPACITY).coalesce(Change::key, PER_POINT)
                .threads(Thread.ofVirtual().name("devices-events").factory()).log(new WarningLog("org.taskhost.devices", warn))
                .start(c -> c.listener().changed(c.ref(), c.value()));
    }

    void submit(PointListener listener, PointRef ref, PointValue value) {
        handoff.offer(new Change(listener, ref, value));
    }

    /** @return what the listeners were handed, and what they lost */
    Handoff.Counts counts() {
        return handoff.counts();
    }

    @Override
    public void close() {
        handoff.closeNow();
    }
}
