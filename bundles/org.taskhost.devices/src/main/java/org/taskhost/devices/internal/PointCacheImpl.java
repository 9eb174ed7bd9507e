package org.taskhost.devices.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointCache;
import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;

/**
 * The current-value table. Every value put is kept in the point's history ring; a change of value, quality or reason
 * is also handed to the listeners, in order, on the {@link Dispatcher}'s thread, so a driver never waits for one.
 */
final class PointCacheImpl implements PointCache {

    /** A point's latest value and its history. */
    private static final class Entry {
        final ArrayDeque<PointValue> history = new ArrayDeque<>();
        PointValue latest;
    }

    private record Registration(Predicate<PointRef> filter, PointListener listener) {
    }

    private final Map<PointRef, Entry> entries = new ConcurrentHashMap<>();
    private final List<Registration> listeners = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;
    private final int historySize;

    PointCacheImpl(int historySize, Dispatcher dispatcher) {
        this.historySize = Math.max(1, historySize);
        this.dispatcher = dispatcher;
    }

    /**
     * @param ref a point
     * @param value its new value
     * @return whether it differs from the one before (and so was handed to the listeners)
     */
    boolean put(PointRef ref, PointValue value) {
        Entry e = entries.computeIfAbsent(ref, r -> new Entry());
        boolean changed;
        synchronized (e) {
            changed = !same(e.latest, value);
            e.latest = value;
            e.history.addLast(value);
            while (e.history.size() > historySize) {
                e.history.removeFirst();
            }
            // queued under the point's lock (it only queues): listeners hear a point's values in the cache's order,
            // also when a poll and a pushed value race
            if (changed) {
                for (Registration r : listeners) {
                    if (r.filter().test(ref)) {
                        dispatcher.submit(r.listener(), ref, value);
                    }
                }
            }
        }
        return changed;
    }

    static boolean same(PointValue a, PointValue b) {
        return a != null && b != null && a.quality() == b.quality() && a.reason().equals(b.reason())
                && (a.value() instanceof byte[] x && b.value() instanceof byte[] y ? Arrays.equals(x, y)
                        : Objects.equals(a.value(), b.value()));
    }

    /** Forgets a device's points (the device was removed or its points changed). */
    void forget(String device) {
        entries.keySet().removeIf(r -> r.device().equals(device));
    }

    /** Forgets one point. */
    void forget(PointRef ref) {
        entries.remove(ref);
    }

    @Override
    public Optional<PointValue> latest(PointRef point) {
        Entry e = entries.get(point);
        if (e == null) {
            return Optional.empty();
        }
        synchronized (e) {
            return Optional.ofNullable(e.latest);
        }
    }

    @Override
    public Map<String, PointValue> latest(String device) {
        Map<String, PointValue> out = new LinkedHashMap<>();
        entries.forEach((ref, e) -> {
            if (ref.device().equals(device)) {
                synchronized (e) {
                    out.put(ref.point(), e.latest);
                }
            }
        });
        return out;
    }

    @Override
    public List<PointValue> history(PointRef point) {
        Entry e = entries.get(point);
        if (e == null) {
            return List.of();
        }
        synchronized (e) {
            return new ArrayList<>(e.history);
        }
    }

    @Override
    public int historySize() {
        return historySize;
    }

    @Override
    public ListenerHandle listen(PointRef point, PointListener listener) {
        return add(new Registration(point::equals, listener));
    }

    @Override
    public ListenerHandle listenAll(PointListener listener) {
        return add(new Registration(r -> true, listener));
    }

    ListenerHandle listenDevice(String device, PointListener listener) {
        return add(new Registration(r -> r.device().equals(device), listener));
    }

    private ListenerHandle add(Registration r) {
        listeners.add(r);
        return () -> listeners.remove(r);
    }
}
