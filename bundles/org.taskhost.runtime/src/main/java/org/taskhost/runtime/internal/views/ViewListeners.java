package org.taskhost.runtime.internal.views;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PvRegistryListener;

/**
 * The whiteboard's listeners (plugin events, PVs added and removed, PV values), each with its own
 * {@link ListenerQueue}. The runtime calls in from plugin threads; nothing here waits for a listener.
 */
public final class ViewListeners {

    private final Map<PluginListener, ListenerQueue> plugins = new ConcurrentHashMap<>();
    private final Map<PvRegistryListener, ListenerQueue> registries = new ConcurrentHashMap<>();
    private final Map<PvListener, ListenerQueue> values = new ConcurrentHashMap<>();

    public void add(PluginListener l) {
        plugins.put(l, new ListenerQueue(l.getClass().getName()));
    }

    public void remove(PluginListener l) {
        close(plugins.remove(l));
    }

    /**
     * @param l the listener
     * @param present the PVs served now, told as added before anything else
     */
    public void add(PvRegistryListener l, Iterable<Pv> present) {
        ListenerQueue q = new ListenerQueue(l.getClass().getName());
        present.forEach(pv -> q.post(() -> l.added(pv)));
        registries.put(l, q);
    }

    public void remove(PvRegistryListener l) {
        close(registries.remove(l));
    }

    public void add(PvListener l) {
        values.put(l, new ListenerQueue(l.getClass().getName()));
    }

    public void remove(PvListener l) {
        close(values.remove(l));
    }

    public void pluginEvent(PluginEvent event) {
        plugins.forEach((l, q) -> q.post(() -> l.pluginEvent(event)));
    }

    public void added(Pv pv) {
        registries.forEach((l, q) -> q.post(() -> l.added(pv)));
    }

    public void removed(Pv pv) {
        registries.forEach((l, q) -> q.post(() -> l.removed(pv)));
    }

    public void changed(Pv pv, PvValue value) {
        values.forEach((l, q) -> q.postValue(l, pv, value));
    }

    /** Ends every delivery thread. */
    public void close() {
        plugins.values().forEach(ListenerQueue::close);
        registries.values().forEach(ListenerQueue::close);
        values.values().forEach(ListenerQueue::close);
    }

    private static void close(ListenerQueue q) {
        if (q != null) {
            q.close();
        }
    }
}
