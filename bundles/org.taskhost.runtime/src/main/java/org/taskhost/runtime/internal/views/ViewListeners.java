package org.taskhost.runtime.internal.views;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PvRegistryListener;

/**
 * The whiteboard's listeners (plugin events, PVs added and removed, PV values), each with its own
 * {@link ListenerQueue}. The runtime calls in from plugin threads; nothing here waits for a listener.
 * <p>
 * A listener registered as a service is got lazily, on its own queue's thread at its first event: a view that
 * needs the runtime's services itself would otherwise be activated while the runtime is still binding it, which
 * Declarative Services refuses as a circular dependency.
 */
public final class ViewListeners {

    private final Map<Object, Entry<PluginListener>> plugins = new ConcurrentHashMap<>();
    private final Map<Object, Entry<PvRegistryListener>> registries = new ConcurrentHashMap<>();
    private final Map<Object, Entry<PvListener>> values = new ConcurrentHashMap<>();

    /** A listener, got when first needed, and its queue. */
    private static final class Entry<L> {
        final ListenerQueue queue;
        private final Supplier<L> source;
        private final Runnable release;
        private L listener;

        Entry(String name, Supplier<L> source, Runnable release) {
            this.queue = new ListenerQueue(name);
            this.source = source;
            this.release = release;
        }

        /** Delivers what is queued, gives the listener back if it was got, and ends the queue. */
        void close() {
            queue.post(() -> {
                if (listener != null) {
                    listener = null;
                    release.run();
                }
            });
            queue.close();
        }

        /** Called on the queue's thread only. */
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
     * @param source gets the listener, on its queue's thread
     * @param release gives it back after its last event, if it was got
     */
    public void add(Object key, String name, Supplier<PluginListener> source, Runnable release) {
        plugins.put(key, new Entry<>(name, source, release));
    }

    public void remove(Object key) {
        close(plugins.remove(key));
        close(registries.remove(key));
        close(values.remove(key));
    }

    /**
     * @param key what the listener is removed by
     * @param name for the log
     * @param source gets the listener, on its queue's thread
     * @param present the PVs served now, told as added before anything else
     */
    public void addRegistryListener(Object key, String name, Supplier<PvRegistryListener> source, Runnable release,
            Iterable<Pv> present) {
        Entry<PvRegistryListener> e = new Entry<>(name, source, release);
        present.forEach(pv -> e.queue.post(() -> e.listener().added(pv)));
        registries.put(key, e);
    }

    public void add(PvListener l) {
        addValueListener(l, l.getClass().getName(), () -> l, () -> { });
    }

    public void addValueListener(Object key, String name, Supplier<PvListener> source, Runnable release) {
        values.put(key, new Entry<>(name, source, release));
    }

    public void pluginEvent(PluginEvent event) {
        plugins.values().forEach(e -> e.queue.post(() -> e.listener().pluginEvent(event)));
    }

    public void added(Pv pv) {
        registries.values().forEach(e -> e.queue.post(() -> e.listener().added(pv)));
    }

    public void removed(Pv pv) {
        registries.values().forEach(e -> e.queue.post(() -> e.listener().removed(pv)));
    }

    public void changed(Pv pv, PvValue value) {
        values.values().forEach(e -> e.queue.postValue(() -> e.listener(), pv, value));
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
