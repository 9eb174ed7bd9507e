package org.taskhost.devices.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceException;
import org.taskhost.api.device.Devices;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;

/**
 * The {@link Devices} service: reads from the cache, writes and reads-now through the device's loop (checked first:
 * the point exists and is writable, the value converts, the priority is 1-16), listeners on the cache, discovery
 * through a driver.
 */
final class DeviceAccess implements Devices {

    private final DeviceRegistry registry;
    private final PointCacheImpl cache;

    DeviceAccess(DeviceRegistry registry, PointCacheImpl cache) {
        this.registry = registry;
        this.cache = cache;
    }

    @Override
    public List<Device> devices() {
        return registry.devices();
    }

    @Override
    public Optional<Device> device(String id) {
        return registry.device(id);
    }

    /** @throws IllegalArgumentException if the device or point is not configured */
    Point point(PointRef ref) {
        Device d = registry.device(ref.device()).orElseThrow(() -> new IllegalArgumentException("no device '" + ref.device() + "'"));
        return d.config().point(ref.point()).orElseThrow(() -> new IllegalArgumentException(
                "device '" + ref.device() + "' has no point '" + ref.point() + "'"));
    }

    @Override
    public PointValue value(PointRef ref) {
        point(ref);
        return cache.latest(ref).orElseGet(() -> PointValue.bad("not read yet"));
    }

    /** @return whether the device is polled: enabled, with its driver, and a definition the driver accepts */
    boolean polled(String device) {
        return registry.loop(device).map(DeviceLoop::running).orElse(false);
    }

    @Override
    public CompletionStage<Map<String, PointValue>> readNow(String device) {
        return registry.loop(device).orElseThrow(() -> new IllegalArgumentException("no device '" + device + "'")).readNow();
    }

    @Override
    public CompletionStage<Void> write(PointRef ref, Object value, Integer priority) {
        Point p = point(ref);
        if (!p.writable()) {
            throw new IllegalArgumentException("point " + ref + " is not writable");
        }
        if (priority != null && (priority < 1 || priority > 16)) {
            throw new IllegalArgumentException("priority " + priority + " is out of range 1-16");
        }
        Object converted;
        try {
            converted = PointValues.convert(value, p.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("point " + ref + " is " + p.type().label() + ": " + e.getMessage(), e);
        }
        Integer effective = priority != null ? priority : p.writePriority();
        return registry.loop(ref.device()).map(l -> l.write(p, converted, effective)).orElseGet(() ->
                CompletableFuture.failedFuture(new DeviceException("device '" + ref.device() + "' was removed")));
    }

    @Override
    public ListenerHandle listen(PointRef point, PointListener listener) {
        return cache.listen(point, listener);
    }

    @Override
    public ListenerHandle listenDevice(String device, PointListener listener) {
        return cache.listenDevice(device, listener);
    }

    @Override
    public List<DiscoveredDevice> discover(String driver, Map<String, String> options, long timeoutMillis) {
        Driver d = registry.driver(driver).orElseThrow(() -> new IllegalArgumentException(
                "no driver '" + driver + "' (registered: " + registry.driverNames() + ")"));
        try {
            return d.discover(options == null ? Map.of() : options, Duration.ofMillis(timeoutMillis));
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (Exception e) {
            throw new DeviceException("discovery with driver '" + driver + "' failed: " + DeviceLoop.describe(e), e);
        }
    }
}
