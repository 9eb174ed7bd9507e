package org.taskhost.epics.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.taskhost.api.pv.Pv;

import com.cosylab.epics.caj.CAJContext;

import gov.aps.jca.CAException;
import gov.aps.jca.configuration.ConfigurationException;

/** The links of every running plugin, on one CAJ client context that starts with the first link. */
final class Links implements AutoCloseable {

    private final Supplier<CaClientSettings> settings;
    private final Function<String, Optional<Pv>> find;
    private final Map<String, LinkFollower> followers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("CA link poller").factory());
    private final Logger log;
    private CAJContext client;

    /** @param settings read when the first link starts, so that a bad client variable fails only the links */
    Links(Supplier<CaClientSettings> settings, Function<String, Optional<Pv>> find, Logger log) {
        this.settings = settings;
        this.find = find;
        this.log = log;
    }

    synchronized void follow(Pv input) {
        try {
            followers.put(input.fullName(), new LinkFollower(client(), input, find, poller, log));
        } catch (CAException | ConfigurationException | IllegalArgumentException | IllegalStateException e) {
            log.warn(input.fullName() + ": cannot follow " + input.spec().link().target() + ": " + e.getMessage());
        }
    }

    void drop(Pv input) {
        LinkFollower f = followers.remove(input.fullName());
        if (f != null) {
            f.close();
        }
    }

    private CAJContext client() throws CAException, ConfigurationException {
        if (client == null) {
            CAJContext c = new CAJContext();
            c.configure(settings.get().toCaj());
            c.initialize();
            client = c;
        }
        return client;
    }

    @Override
    public synchronized void close() {
        followers.values().forEach(LinkFollower::close);
        followers.clear();
        poller.shutdownNow();
        if (client != null) {
            try {
                client.destroy();
            } catch (CAException | IllegalStateException e) {
                log.debug("closing the CA client: " + e.getMessage());
            }
        }
    }
}
