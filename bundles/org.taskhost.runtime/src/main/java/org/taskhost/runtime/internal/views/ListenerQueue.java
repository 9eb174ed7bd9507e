package org.taskhost.runtime.internal.views;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.runtime.internal.log.PluginLog;

/**
 * One view listener's own delivery thread: events reach it in order, away from the thread (and lock) of the plugin
 * that caused them. Up to {@value #PER_PV} values of one PV wait for the listener, all delivered in order, so a short
 * stall of its thread (a busy core, a pause) loses no update; beyond that the oldest waiting value is dropped, so a
 * slow view never builds a growing backlog. A listener that throws is logged and goes on receiving.
 */
final class ListenerQueue {

    private static final System.Logger LOG = new PluginLog("views");
    private static final Runnable STOP = () -> { };

    private final String name;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    static final int PER_PV = 16;

    private final ConcurrentHashMap<Pv, ArrayDeque<PvValue>> pending = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;

    ListenerQueue(String name) {
        this.name = name;
        this.thread = Thread.ofPlatform().daemon().name("view " + name).start(this::drain);
    }

    /** @param event delivered after everything queued before it */
    void post(Runnable event) {
        queue.add(event);
    }

    /**
     * Queues a PV value behind those of the same PV still waiting, in the place of the first of them; when
     * {@value #PER_PV} wait, the oldest is dropped.
     */
    void postValue(Supplier<PvListener> listener, Pv pv, PvValue value) {
        boolean[] first = new boolean[1];
        pending.compute(pv, (k, waiting) -> {
            if (waiting == null) {
                first[0] = true;
                waiting = new ArrayDeque<>(4);
            } else if (waiting.size() >= PER_PV) {
                waiting.removeFirst();
            }
            waiting.addLast(value);
            return waiting;
        });
        if (first[0]) {
            queue.add(() -> deliver(listener, pv));
        }
    }

    private void deliver(Supplier<PvListener> listener, Pv pv) {
        ArrayDeque<PvValue> values = pending.remove(pv);
        RuntimeException failed = null;
        for (PvValue v : values == null ? new ArrayDeque<PvValue>() : values) {
            try {
                listener.get().changed(pv, v);
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** Delivers what is queued, then ends the thread. */
    void close() {
        queue.add(STOP);
    }

    /** @return events not yet delivered */
    int backlog() {
        return queue.size();
    }

    private void drain() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException | LinkageError e) {
                long n = failures.incrementAndGet();
                // one line per power of ten: a listener that fails on every value must not flood the log
                if (Long.bitCount(n) == 1 || n % 1000 == 0) {
                    LOG.log(System.Logger.Level.WARNING, "view listener " + name + " failed (" + n + " times so far): " + e);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name + (thread.isAlive() ? "" : " (ended)");
    }
}
