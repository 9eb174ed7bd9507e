package org.taskhost.runtime.internal.devices;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.taskhost.runtime.internal.services.ServiceHub;
import org.taskhost.api.device.Device;
import org.taskhost.api.device.Devices;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;

/**
 * One plugin's {@link Devices}: calls go to the devices service; listeners are kept so they can be registered again
 * when the service comes back, deliver on the plugin's own thread, and are closed when the plugin stops.
 */
public final class PluginDevices implements Devices, ServiceHub.Follower {

    static final String NO_DEVICES = "no devices service: the org.taskhost.devices bundle is not running";

    private final DevicesHub hub;
    private final Consumer<Delivery> deliver;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** A change for one of the plugin's listeners, to be run on the plugin's thread. */
    public record Delivery(PointListener listener, PointRef point, PointValue value) {
    }

    /**
     * @param hub the devices service
     * @param deliver runs a listener on the plugin's thread and logs what it throws
     */
    public PluginDevices(DevicesHub hub, Consumer<Delivery> deliver) {
        this.hub = hub;
        this.deliver = deliver;
        hub.add(this);
    }

    private Devices service() {
        Devices s = hub.service();
        if (s == null) {
            throw new IllegalStateException(NO_DEVICES);
        }
        return s;
    }

    @Override
    public List<Device> devices() {
        return service().devices();
    }

    @Override
    public Optional<Device> device(String id) {
        return service().device(id);
    }

    @Override
    public PointValue value(PointRef point) {
        return service().value(point);
    }

    @Override
    public CompletionStage<Map<String, PointValue>> readNow(String device) {
        return service().readNow(device);
    }

    @Override
    public CompletionStage<Void> write(PointRef point, Object value, Integer priority) {
        return service().write(point, value, priority);
    }

    @Override
    public List<DiscoveredDevice> discover(String driver, Map<String, String> options, long timeoutMillis) {
        return service().discover(driver, options, timeoutMillis);
    }

    @Override
    public ListenerHandle listen(PointRef point, PointListener listener) {
        return add(listener, s -> s.listen(point, (ref, v) -> deliver.accept(new Delivery(listener, ref, v))));
    }

    @Override
    public ListenerHandle listenDevice(String device, PointListener listener) {
        return add(listener, s -> s.listenDevice(device, (ref, v) -> deliver.accept(new Delivery(listener, ref, v))));
    }

    private ListenerHandle add(PointListener listener, Function<Devices, ListenerHandle> register) {
        if (closed) {
            throw new IllegalStateException("the plugin has stopped");
        }
        Entry e = new Entry(register);
        entries.add(e);
        e.open();
        return e;
    }

    /** The devices service came or went: register the listeners again on the new one. */
    @Override
    public void serviceChanged() {
        for (Entry e : entries) {
            e.reopen();
        }
    }

    /** Closes every listener; the plugin has stopped. */
    public void close() {
        closed = true;
        hub.remove(this);
        for (Entry e : entries) {
            e.close();
        }
    }

    /** @return how many listeners the plugin has open */
    public int listeners() {
        return entries.size();
    }

    private final class Entry implements ListenerHandle {
        private final Function<Devices, ListenerHandle> register;
        private ListenerHandle delegate;
        private boolean open = true;

        Entry(Function<Devices, ListenerHandle> register) {
            this.register = register;
        }

        synchronized void open() {
            Devices s = hub.service();
            if (open && s != null) {
                delegate = register.apply(s);
            }
        }

        synchronized void reopen() {
            delegate = null;
            open();
        }

        @Override
        public synchronized void close() {
            open = false;
            entries.remove(this);
            if (delegate != null) {
                try {
                    delegate.close();
                } catch (RuntimeException e) {
                    // the service is going away: its listeners go with it
                }
                delegate = null;
            }
        }
    }
}
