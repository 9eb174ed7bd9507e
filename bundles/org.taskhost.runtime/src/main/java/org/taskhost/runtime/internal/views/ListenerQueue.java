package org.taskhost.runtime.internal.views;

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
 * that caused them. Values of one PV that come faster than the listener takes them are coalesced to the newest, so a
 * slow view never builds a growing backlog; a listener that throws is logged and goes on receiving.
 */
final class ListenerQueue {

    private static final System.Logger LOG = new PluginLog("views");
    private static final Runnable STOP = () -> { };

    private final String name;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<Pv, PvValue> pending = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;

    ListenerQueue(String name) {
        this.name = name;
        this.thread = Thread.ofVirtual().name("view " + name).start(this::drain);
    }

    /** @param event delivered after everything queued before it */
    void post(Runnable event) {
        queue.add(event);
    }

    /** Queues a PV value; if one of that PV is still waiting, the newer replaces it in its place. */
    void postValue(Supplier<PvListener> listener, Pv pv, PvValue value) {
        if (pending.put(pv, value) == null) {
            queue.add(() -> {
                PvValue newest = pending.remove(pv);
                if (newest != null) {
                    listener.get().changed(pv, newest);
                }
            });
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
