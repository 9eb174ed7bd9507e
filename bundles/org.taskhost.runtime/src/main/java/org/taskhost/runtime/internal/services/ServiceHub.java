package org.taskhost.runtime.internal.services;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A service another bundle provides to plugins (the broker, the devices), as the plugins' contexts see it: at most one,
 * got lazily at first use, and the followers (each plugin's view of it) told when it changes so that they register
 * again what they hold. The runtime binds such services by reference only: their bundles need the runtime, and
 * getting their service while SCR activates the runtime would make the two wait for each other.
 *
 * @param <S> the service type
 */
public class ServiceHub<S> {

    /** What holds registrations on the service and makes them again on a new one. */
    public interface Follower {
        /** The service came or went. */
        void serviceChanged();
    }

    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private volatile Supplier<S> source;
    private volatile S service;

    /** @param next gets the service; null when it went away */
    public synchronized void bind(Supplier<S> next) {
        source = next;
        service = null;
        for (Follower f : followers) {
            f.serviceChanged();
        }
    }

    /** @return the service, or null when its bundle is not running or not configured */
    public S service() {
        S s = service;
        if (s == null) {
            Supplier<S> src = source;
            if (src != null) {
                s = src.get();
                service = s;
            }
        }
        return s;
    }

    public void add(Follower f) {
        followers.add(f);
    }

    public void remove(Follower f) {
        followers.remove(f);
    }
}
