package org.taskhost.runtime.internal.services;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.taskhost.runtime.internal.log.PluginLog;

/**
 * What one plugin registered on a service of its context (subscriptions, point listeners): each made on the service
 * when there is one, made again when the service comes back, and all closed when the plugin stops.
 *
 * @param <S> the service type
 */
public final class Registrations<S> implements ServiceHub.Follower {

    private static final System.Logger LOG = new PluginLog("runtime");

    private final ServiceHub<S> hub;
    private final List<Registration> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** @param hub the service; this follows it until {@link #close()} */
    public Registrations(ServiceHub<S> hub) {
        this.hub = hub;
        hub.add(this);
    }

    /**
     * @param label what the registration is, for the views (a topic filter, a point)
     * @param register makes the registration on a service and returns what undoes it
     * @return the registration, already made if the service is there
     * @throws IllegalStateException when the plugin has stopped
     */
    public Registration add(String label, Function<S, ? extends AutoCloseable> register) {
        if (closed) {
            throw new IllegalStateException("the plugin has stopped");
        }
        Registration r = new Registration(label, register);
        open.add(r);
        r.open();
        return r;
    }

    @Override
    public void serviceChanged() {
        for (Registration r : open) {
            try {
                r.reopen();
            } catch (RuntimeException e) {
                // the new service refused this one; the others are made again all the same
                LOG.log(System.Logger.Level.WARNING,
                        "cannot register " + r.label + " again on the new service: " + e);
            }
        }
    }

    /** Closes every registration; the plugin has stopped. */
    public void close() {
        closed = true;
        hub.remove(this);
        for (Registration r : open) {
            r.close();
        }
    }

    /** @return the labels of the open registrations */
    public List<String> labels() {
        return open.stream().map(r -> r.label).toList();
    }

    /** One registration, made again on each new service until it is closed. */
    public final class Registration {
        private final String label;
        private final Function<S, ? extends AutoCloseable> register;
        private AutoCloseable delegate;
        private boolean live = true;

        private Registration(String label, Function<S, ? extends AutoCloseable> register) {
            this.label = label;
            this.register = register;
        }

        synchronized void open() {
            S s = hub.service();
            if (live && s != null) {
                delegate = register.apply(s);
            }
        }

        synchronized void reopen() {
            undo();
            open();
        }

        /** Undoes it; closing twice does nothing. */
        public synchronized void close() {
            live = false;
            open.remove(this);
            undo();
        }

        private void undo() {
            if (delegate != null) {
                try {
                    delegate.close();
                } catch (Exception e) {
                    // the service is going away: what was registered on it goes with it
                }
                delegate = null;
            }
        }
    }
}
