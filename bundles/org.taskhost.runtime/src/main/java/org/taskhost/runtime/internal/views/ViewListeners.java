package org.taskhost.runtime.internal.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.taskhost.api.handoff.Handoff;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PvRegistryListener;
import org.taskhost.runtime.internal.log.PluginLog;

/**
 * The whiteboard's listeners (plugin events, PVs added and removed, PV values), each with a {@link Handoff} of its
 * own: events reach it in order on its own thread, away from the thread (and lock) of the plugin that caused them,
 * and a slow or stuck listener only loses its own oldest events, counted, never builds a growing backlog.
 * <ul>
 * <li>PV values: up to {@value #VALUES_PER_PV} of one PV wait, all delivered in order, so that a short stall (a busy
 * core, a pause) loses no update; beyond that the oldest of that PV is dropped.</li>
 * <li>plugin events: up to {@value #EVENTS_PER_PLUGIN} of one plugin wait.</li>
 * <li>PVs added and removed: up to {@value #REGISTRY_PER_PV} of one PV; there are only as many as PVs.</li>
 * </ul>
 * Each waits in the place of the first of its kind, and {@value #CAPACITY} in all.
 * <p>
 * A listener registered as a service is got lazily, on its own thread at its first event: a view that needs the
 * runtime's services itself would otherwise be activated while the runtime is still binding it, which Declarative
 * Services refuses as a circular dependency.
 */
public final class ViewListeners {

    static final int VALUES_PER_PV = 16;
    static final int EVENTS_PER_PLUGIN = 256;
    static final int REGISTRY_PER_PV = 4;
    static final int CAPACITY = 100_000;
    private static final System.Logger LOG = new PluginLog("views");

    private final Map<Object, Entry<PluginListener>> plugins = new ConcurrentHashMap<>();
    private final Map<Object, Entry<PvRegistryListener>> registries = new ConcurrentHashMap<>();
    private final Map<Object, Entry<PvListener>> values = new ConcurrentHashMap<>();

    /** One event for a listener; its key groups it with the waiting events of the same PV or plugin. */
    private record Delivery(Object key, Runnable action) {
    }

    /** A listener, got when first needed, and its hand-off. */
    private static final class Entry<L> {
        final String name;
        final Handoff<Delivery> queue;
        private final Supplier<L> source;
        private final Runnable release;
        private L listener;

        Entry(String name, int perKey, Supplier<L> source, Runnable release) {
            this.name = name;
            this.queue = Handoff.<Delivery>named("view " + name).capacity(CAPACITY).coalesce(Delivery::key, perKey).log(LOG)
                    .start(d -> d.action().run());
            this.source = source;
            this.release = release;
        }

        void post(Object key, Runnable action) {
            queue.offer(new Delivery(key, action));
        }

        /** Delivers what waits, gives the listener back if it was got, and ends the thread. */
        void close() {
            queue.close(() -> {
                if (listener != null) {
                    listener = null;
                    release.run();
                }
            });
        }

        /** Called on the hand-off's thread only. */
        L listener() {
            if (listener == null) {
                listener = source.get();
                if (listener == null) {
                    throw new IllegalStateException("the listener service is gone");
                }
            }
            return listener;
        }
    }

    public void add(PluginListener l) {
        add(l, l.getClass().getName(), () -> l, () -> { });
    }

    /**
     * @param key what the listener is removed by (its service reference)
     * @param name for the log
     * @param source gets the listener, on its own thread
     * @param release gives it back after its last event, if it was got
     */
    public void add(Object key, String name, Supplier<PluginListener> source, Runnable release) {
        plugins.put(key, new Entry<>(name, EVENTS_PER_PLUGIN, source, release));
    }

    public void remove(Object key) {
        close(plugins.remove(key));
        close(registries.remove(key));
        close(values.remove(key));
    }

    /**
     * @param key what the listener is removed by
     * @param name for the log
     * @param source gets the listener, on its own thread
     * @param present the PVs served now, told as added before anything else
     */
    public void addRegistryListener(Object key, String name, Supplier<PvRegistryListener> source, Runnable release,
            Iterable<Pv> present) {
        Entry<PvRegistryListener> e = new Entry<>(name, REGISTRY_PER_PV, source, release);
        present.forEach(pv -> e.post(pv, () -> e.listener().added(pv)));
        registries.put(key, e);
    }

    public void add(PvListener l) {
        addValueListener(l, l.getClass().getName(), () -> l, () -> { });
    }

    public void addValueListener(Object key, String name, Supplier<PvListener> source, Runnable release) {
        values.put(key, new Entry<>(name, VALUES_PER_PV, source, release));
    }

    public void pluginEvent(PluginEvent event) {
        plugins.values().forEach(e -> e.post(event.plugin(), () -> e.listener().pluginEvent(event)));
    }

    public void added(Pv pv) {
        registries.values().forEach(e -> e.post(pv, () -> e.listener().added(pv)));
    }

    public void removed(Pv pv) {
        registries.values().forEach(e -> e.post(pv, () -> e.listener().removed(pv)));
    }

    public void changed(Pv pv, PvValue value) {
        values.values().forEach(e -> e.post(pv, () -> e.listener().changed(pv, value)));
    }

    /** @return each listener's hand-off counts, by the listener's name */
    public Map<String, Handoff.Counts> counts() {
        Map<String, Handoff.Counts> out = new LinkedHashMap<>();
        for (Map<Object, ? extends Entry<?>> kind : List.of(plugins, registries, values)) {
            kind.values().forEach(e -> out.merge(e.name, e.queue.counts(), Handoff.Counts::plus));
        }
        return out;
    }

    /** Ends every delivery thread. */
    public void close() {
        plugins.values().forEach(Entry::close);
        registries.values().forEach(Entry::close);
        values.values().forEach(Entry::close);
    }

    private static void close(Entry<?> e) {
        if (e != null) {
            e.close();
        }
    }
}
