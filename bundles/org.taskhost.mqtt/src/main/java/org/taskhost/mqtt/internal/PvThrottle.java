package org.taskhost.mqtt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * At most one value per key per interval, coalescing to the newest: a value offered within the interval after the
 * last one sent for its key is kept as that key's pending value (replacing an older pending one) and sent when the
 * interval ends. One map key -> newest pending value and at most one scheduled flush, never a queue of every value.
 * The clock and the scheduler are given, so tests drive it without waiting.
 *
 * @param <K> the key (a PV's full name)
 * @param <V> the value
 */
final class PvThrottle<K, V> {

    /** Runs a task after a delay in nanoseconds. */
    interface Scheduler {
        void schedule(Runnable task, long delayNanos);
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Scheduler scheduler;
    private final BiConsumer<K, V> sink;
    /** when the last value of each key was sent; entries older than the interval are dropped at each flush */
    private final Map<K, Long> lastSent = new HashMap<>();
    private final Map<K, V> pending = new LinkedHashMap<>();
    private boolean flushScheduled;

    /**
     * @param intervalNanos the interval, 0 for every value
     * @param clock nanoseconds, monotonic
     * @param scheduler where the flush runs
     * @param sink sends one value; called outside this object's lock
     */
    PvThrottle(long intervalNanos, LongSupplier clock, Scheduler scheduler, BiConsumer<K, V> sink) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("negative interval");
        }
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.scheduler = scheduler;
        this.sink = sink;
    }

    /** A new value of a key: sent now, or kept as its newest pending value until its interval ends. */
    void offer(K key, V value) {
        if (intervalNanos == 0) {
            sink.accept(key, value);
            return;
        }
        boolean sendNow;
        long delay = -1;
        synchronized (this) {
            long now = clock.getAsLong();
            Long last = lastSent.get(key);
            sendNow = !pending.containsKey(key) && (last == null || now - last >= intervalNanos);
            if (sendNow) {
                lastSent.put(key, now);
            } else {
                pending.put(key, value);
                if (!flushScheduled) {
                    flushScheduled = true;
                    delay = Math.max(0, last + intervalNanos - now);
                }
            }
        }
        if (sendNow) {
            sink.accept(key, value);
        } else if (delay >= 0) {
            scheduler.schedule(this::flush, delay);
        }
    }

    /** Sends the pending values whose interval ended, then schedules itself for the earliest of the others. */
    void flush() {
        List<Map.Entry<K, V>> due = new ArrayList<>();
        long delay = -1;
        synchronized (this) {
            flushScheduled = false;
            long now = clock.getAsLong();
            long next = Long.MAX_VALUE;
            for (Iterator<Map.Entry<K, V>> it = pending.entrySet().iterator(); it.hasNext();) {
                Map.Entry<K, V> e = it.next();
                Long last = lastSent.get(e.getKey());
                if (last == null || now - last >= intervalNanos) {
                    due.add(Map.entry(e.getKey(), e.getValue()));
                    lastSent.put(e.getKey(), now);
                    it.remove();
                } else {
                    next = Math.min(next, last + intervalNanos - now);
                }
            }
            // a key whose interval ended and has nothing pending is as if never sent: the map stays small
            lastSent.values().removeIf(last -> now - last >= intervalNanos);
            if (!pending.isEmpty()) {
                flushScheduled = true;
                delay = Math.max(0, next);
            }
        }
        for (Map.Entry<K, V> e : due) {
            sink.accept(e.getKey(), e.getValue());
        }
        if (delay >= 0) {
            scheduler.schedule(this::flush, delay);
        }
    }

    /** @return how many keys wait for the end of their interval */
    synchronized int pending() {
        return pending.size();
    }
}
