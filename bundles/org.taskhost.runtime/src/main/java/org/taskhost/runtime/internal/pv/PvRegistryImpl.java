package org.taskhost.runtime.internal.pv;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

import org.taskhost.api.pv.Pv;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.api.runtime.PvRegistryListener;
import org.taskhost.runtime.internal.views.ViewListeners;

/** Every served PV by full name; a plugin's PVs are added together when it starts and removed together when it goes. */
public final class PvRegistryImpl implements PvRegistry {

    private final ConcurrentSkipListMap<String, Pv> pvs = new ConcurrentSkipListMap<>();
    private final ViewListeners views;

    public PvRegistryImpl(ViewListeners views) {
        this.views = views;
    }

    /**
     * @param plugin the owner, for the error message
     * @param add the plugin's PVs
     * @throws IllegalStateException if a name is already served; then nothing is added
     */
    public synchronized void addAll(String plugin, List<? extends Pv> add) {
        for (Pv pv : add) {
            if (pvs.containsKey(pv.fullName())) {
                throw new IllegalStateException("PV " + pv.fullName() + " of plugin " + plugin
                        + " is already served by another plugin; give one of them another prefix in config.yaml");
            }
        }
        for (Pv pv : add) {
            pvs.put(pv.fullName(), pv);
            views.added(pv);
        }
    }

    /** Removes a plugin's PVs, which then tell their listeners nothing more. */
    public synchronized void removeAll(List<? extends Pv> remove) {
        for (Pv pv : remove) {
            if (pvs.remove(pv.fullName(), pv)) {
                views.removed(pv);
            }
            if (pv instanceof PvImpl gone) {
                gone.close();
            }
        }
    }

    @Override
    public List<Pv> all() {
        return List.copyOf(pvs.values());
    }

    @Override
    public Optional<Pv> find(String fullName) {
        return Optional.ofNullable(pvs.get(fullName));
    }

    /**
     * Registers a whiteboard listener: the PVs served now first, then every change, in order.
     *
     * @param key what it is unregistered by
     * @param name for the log
     * @param source gets the listener on its own thread
     * @param release gives it back after its last event
     */
    public synchronized void register(Object key, String name, Supplier<PvRegistryListener> source, Runnable release) {
        views.addRegistryListener(key, name, source, release, pvs.values());
    }

    public void unregister(Object key) {
        views.remove(key);
    }
}
