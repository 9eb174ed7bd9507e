package org.taskhost.devices.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointRef;

/**
 * Every configured device and its {@link DeviceLoop}, and the drivers by name. Changes (a device created, updated,
 * removed, enabled; a driver that comes or goes) are serialized here and restart only the loops they concern. What
 * plugins and views do with devices goes through {@link DeviceAccess}.
 */
final class DeviceRegistry {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /** Where definitions are kept across restarts. */
    interface Store {
        void save(DeviceConfig config) throws IOException;

        void delete(String id) throws IOException;
    }

    private final Map<String, DeviceLoop> loops = new ConcurrentHashMap<>();
    private final Map<String, Driver> drivers = new ConcurrentHashMap<>();
    private final PointCacheImpl cache;
    private final Store store;
    private final ScheduledExecutorService ticks;
    private final Consumer<String> log;

    DeviceRegistry(PointCacheImpl cache, Store store, ScheduledExecutorService ticks, Consumer<String> log) {
        this.cache = cache;
        this.store = store;
        this.ticks = ticks;
        this.log = log;
    }

    /** Starts, or restarts when it changed, a device as configured; nothing is stored. */
    synchronized void apply(DeviceConfig config) {
        if (!unchanged(config)) {
            apply(config, problemsOf(config));
        }
    }

    /** @return the device runs with this very definition already (Config Admin echoes what was stored) */
    private boolean unchanged(DeviceConfig config) {
        DeviceLoop old = loops.get(config.id());
        return old != null && old.config().equals(config);
    }

    /** @param problems what its driver finds wrong with it, already asked */
    private void apply(DeviceConfig config, List<DeviceProblem> problems) {
        if (unchanged(config)) {
            return;
        }
        DeviceLoop old = loops.get(config.id());
        if (old != null) {
            old.stop();
            for (Point p : old.config().points()) {
                if (config.point(p.id()).filter(p::equals).isEmpty()) {
                    cache.forget(new PointRef(config.id(), p.id()));
                }
            }
        }
        DeviceLoop loop = newLoop(config, problems);
        loops.put(config.id(), loop);
        loop.start(ticks);
    }

    /**
     * A loop for the definition. A definition that did not come through {@link #create} or {@link #update} (kept by
     * Config Admin from before, a file in etc/, a driver that arrived later) is checked by its driver here: one it
     * refuses is marked ERROR with the fields named, and not polled.
     */
    private DeviceLoop newLoop(DeviceConfig config, List<DeviceProblem> problems) {
        if (!problems.isEmpty()) {
            log.accept("device " + config.id() + " is not polled: its driver '" + config.driver() + "' refuses it: "
                    + problems.stream().map(DeviceProblem::toString).collect(java.util.stream.Collectors.joining("; ")));
        }
        return new DeviceLoop(config, drivers.get(config.driver()), cache, log, problems);
    }

    /** @return what the device's driver finds wrong with the definition; nothing when the driver is not there */
    private List<DeviceProblem> problemsOf(DeviceConfig config) {
        Driver driver = drivers.get(config.driver());
        if (driver == null) {
            return List.of();
        }
        try {
            return driver.validate(config);
        } catch (RuntimeException e) {
            return List.of(new DeviceProblem("driver", "the driver could not check the definition: " + DeviceLoop.describe(e)));
        }
    }

    /** Stops and forgets a device; nothing is deleted from the store. */
    synchronized boolean forget(String id) {
        DeviceLoop loop = loops.remove(id);
        if (loop != null) {
            loop.stop();
            cache.forget(id);
        }
        return loop != null;
    }

    /**
     * @throws InvalidDeviceException if the driver, when registered, finds problems
     * @throws IllegalStateException if the device exists
     */
    synchronized void create(DeviceConfig config) throws IOException {
        if (loops.containsKey(config.id())) {
            throw new IllegalStateException("device '" + config.id() + "' exists");
        }
        checkWithDriver(config);
        store.save(config);
        apply(config, List.of());
    }

    /** @throws java.util.NoSuchElementException if no device has the id */
    synchronized void update(DeviceConfig config) throws IOException {
        existing(config.id());
        checkWithDriver(config);
        store.save(config);
        apply(config, List.of());
    }

    synchronized void setEnabled(String id, boolean enabled) throws IOException {
        DeviceConfig c = existing(id).config();
        if (c.enabled() != enabled) {
            DeviceConfig changed = new DeviceConfig(c.id(), c.driver(), c.address(), c.pollInterval(), enabled, c.timeout(),
                    c.retries(), c.options(), c.points(), c.description());
            store.save(changed);
            apply(changed);
        }
    }

    /** @throws java.util.NoSuchElementException if no device has the id */
    synchronized void delete(String id) throws IOException {
        existing(id);
        store.delete(id);
        forget(id);
    }

    private void checkWithDriver(DeviceConfig config) {
        List<DeviceProblem> problems = problemsOf(config);
        if (!problems.isEmpty()) {
            throw new InvalidDeviceException(problems);
        }
    }

    synchronized void driverAdded(String name, Driver driver) {
        drivers.put(name, driver);
        restartDevicesOf(name);
    }

    synchronized void driverRemoved(String name, Driver driver) {
        if (drivers.remove(name, driver)) {
            restartDevicesOf(name);
        }
    }

    private void restartDevicesOf(String driver) {
        for (DeviceLoop loop : List.copyOf(loops.values())) {
            if (loop.config().driver().equals(driver)) {
                DeviceLoop fresh = newLoop(loop.config(), problemsOf(loop.config()));
                loop.stop();
                loops.put(loop.config().id(), fresh);
                fresh.start(ticks);
            }
        }
    }

    Optional<DeviceLoop> loop(String id) {
        return Optional.ofNullable(loops.get(id));
    }

    private DeviceLoop existing(String id) {
        DeviceLoop loop = loops.get(id);
        if (loop == null) {
            throw new java.util.NoSuchElementException("no device '" + id + "'");
        }
        return loop;
    }

    List<String> driverNames() {
        return drivers.keySet().stream().sorted().toList();
    }

    /**
     * Stops every loop and waits for their sessions to close, two seconds in all however many devices there are; a
     * worker still busy then (a driver hung in I/O) is interrupted.
     */
    synchronized void close() {
        List<DeviceLoop> all = new ArrayList<>(loops.values());
        loops.clear();
        all.forEach(DeviceLoop::stop);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (DeviceLoop l : all) {
            try {
                if (!l.awaitStopped(deadline)) {
                    l.abandon();
                }
            } catch (InterruptedException e) {
                all.forEach(DeviceLoop::abandon);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** @return every device as it is now, by id */
    List<Device> devices() {
        return loops.values().stream().map(l -> new Device(l.config(), l.health()))
                .sorted(Comparator.comparing(Device::id)).toList();
    }

    Optional<Device> device(String id) {
        return loop(id).map(l -> new Device(l.config(), l.health()));
    }

    Optional<Driver> driver(String name) {
        return Optional.ofNullable(drivers.get(name));
    }
}
