package org.taskhost.runtime.internal.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.taskhost.api.messaging.Messaging;

/**
 * The broker service as plugins see it: at most one {@link Messaging} service (the MQTT bundle's), got lazily when a
 * plugin first uses it, and every plugin's {@link PluginMessaging}, which subscribes again when the service comes back.
 * The runtime binds the service by reference only: the MQTT bundle needs the runtime, and getting its service while
 * SCR activates the runtime would make the two wait for each other.
 */
public final class MessagingHub {

    private final Set<PluginMessaging> plugins = ConcurrentHashMap.newKeySet();
    private volatile Supplier<Messaging> source;
    private volatile Messaging service;

    /** @param next gets the service; null when it went away */
    public synchronized void bind(Supplier<Messaging> next) {
        source = next;
        service = null;
        for (PluginMessaging p : plugins) {
            p.serviceChanged();
        }
    }

    /** @return the service, or null when no broker is configured */
    Messaging service() {
        Messaging s = service;
        if (s == null) {
            Supplier<Messaging> src = source;
            if (src != null) {
                s = src.get();
                service = s;
            }
        }
        return s;
    }

    void add(PluginMessaging p) {
        plugins.add(p);
    }

    void remove(PluginMessaging p) {
        plugins.remove(p);
    }
}
