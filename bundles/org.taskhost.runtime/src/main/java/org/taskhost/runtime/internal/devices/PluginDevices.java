package org.taskhost.runtime.internal.devices;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

import org.taskhost.api.device.Device;
import org.taskhost.api.device.Devices;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.runtime.internal.services.Registrations;

/**
 * One plugin's {@link Devices}: calls go to the devices service; listeners are kept so they can be registered again
 * when the service comes back, deliver on the plugin's own thread, and are closed when the plugin stops.
 */
public final class PluginDevices implements Devices {

    static final String NO_DEVICES = "no devices service: the org.taskhost.devices bundle is not running";

    private final DevicesHub hub;
    private final Consumer<Delivery> deliver;
    private final Registrations<Devices> registrations;

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
        this.registrations = new Registrations<>(hub);
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
        return add(point.toString(), s -> s.listen(point, (ref, v) -> deliver.accept(new Delivery(listener, ref, v))));
    }

    @Override
    public ListenerHandle listenDevice(String device, PointListener listener) {
        return add(device, s -> s.listenDevice(device, (ref, v) -> deliver.accept(new Delivery(listener, ref, v))));
    }

    private ListenerHandle add(String label, Function<Devices, ListenerHandle> register) {
        Registrations<Devices>.Registration r = registrations.add(label, register);
        return r::close;
    }

    /** Closes every listener; the plugin has stopped. */
    public void close() {
        registrations.close();
    }

    /** @return how many listeners the plugin has open */
    public int listeners() {
        return registrations.labels().size();
    }
}
