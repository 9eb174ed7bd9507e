package org.taskhost.devices.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;

/**
 * Hands point changes to listeners, in order, on one virtual thread of its own: drivers and poll loops only enqueue.
 * A listener that throws is reported (once per power of ten failures) and keeps receiving.
 */
final class Dispatcher implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("devices-events").factory());
    private final AtomicLong failures = new AtomicLong();
    private final Consumer<String> warn;

    Dispatcher(Consumer<String> warn) {
        this.warn = warn;
    }

    void submit(PointListener listener, PointRef ref, PointValue value) {
        try {
            thread.execute(() -> deliver(listener, ref, value));
        } catch (RejectedExecutionException e) {
            // closing: nobody is left to hear it
        }
    }

    private void deliver(PointListener listener, PointRef ref, PointValue value) {
        try {
            listener.changed(ref, value);
        } catch (RuntimeException e) {
            long n = failures.incrementAndGet();
            if (Long.toString(n).matches("10*")) {
                warn.accept("a point listener failed (" + n + " failures so far): " + e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
