package org.taskhost.runtime.internal.views;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * <p>
 * Below {@value #DENSE} events in {@value #WINDOW_NANOS} ns the thread is woken for each event; above, it takes what
 * has come every {@value #PAUSE_NANOS} ns: at 10,000 values a second (100 tasks at 100 Hz) a wake-up per value cost
 * each view several per cent of a core in system calls alone.
 */
final class ListenerQueue {

    private static final System.Logger LOG = new PluginLog("views");
    private static final Runnable STOP = () -> { };

    private final String name;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    static final int PER_PV = 16;
    /** the rate above which events are taken in runs: {@value #DENSE} in a window of {@value #WINDOW_NANOS} ns (2,000/s) */
    static final int DENSE = 20;
    static final long WINDOW_NANOS = 10_000_000;
    /** the pause before looking again while events are dense: what a run may add to an event's delivery */
    static final long PAUSE_NANOS = 500_000;

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
        long window = System.nanoTime();
        int inWindow = 0;
        boolean dense = false;
        while (true) {
            Runnable next = queue.poll();
            if (next == null && dense) {
                // many events lately: look again after a short pause, so that they are taken in runs, instead of
                // this thread being woken (a system call on each side) for every one of them
                LockSupport.parkNanos(PAUSE_NANOS);
                next = queue.poll();
            }
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (next == STOP) {
                return;
            }
            long now = System.nanoTime();
            if (now - window > WINDOW_NANOS) {
                dense = inWindow >= DENSE;
                window = now;
                inWindow = 0;
            }
            inWindow++;
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
