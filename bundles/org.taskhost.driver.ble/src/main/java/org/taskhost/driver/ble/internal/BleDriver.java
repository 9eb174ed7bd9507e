package org.taskhost.driver.ble.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.codec.CodecConfigException;

/**
 * The BLE driver: one D-Bus connection to BlueZ shared by all devices, a GATT connection per device session. A device
 * whose connection failed is tried again only after an exponential backoff with jitter, however often its session is
 * reopened; the exception says what happened and when the next attempt is.
 * <p>
 * Connecting waits on D-Bus for up to the device's timeout, on the device loop's virtual thread: the locks are
 * {@link ReentrantLock}s, not monitors, because on JDK 21 to 23 a virtual thread that waits inside {@code synchronized}
 * pins its carrier thread.
 */
@Component(service = Driver.class, property = Driver.DRIVER_PROPERTY + "=ble",
        configurationPid = "org.taskhost.driver.ble", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BleConfig.class)
public class BleDriver implements Driver {
    private final String bus;
    private final String defaultAdapter;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final Map<String, Backoff> backoffs = new ConcurrentHashMap<>();
    /** one connection attempt per device at a time */
    private final Map<String, ReentrantLock> attempts = new ConcurrentHashMap<>();
    private final ReentrantLock clientLock = new ReentrantLock();
    private final Map<String, String> lastFailure = new ConcurrentHashMap<>();
    /** why and when each device's last connection ended, until it connects again: the start of its gap */
    private final Map<String, String> lostAt = new ConcurrentHashMap<>();
    private BleClient client;

    @Activate
    public BleDriver(BleConfig config) {
        this(config.bus(), config.adapter(), Duration.ofMillis((long) (config.backoffInitial() * 1000)),
                Duration.ofMillis((long) (config.backoffMax() * 1000)));
    }

    /** For tests and benchmarks: the bus address (empty: the system bus), the default adapter and the backoff. */
    public BleDriver(String bus, String adapter, Duration backoffInitial, Duration backoffMax) {
        this.bus = bus == null ? "" : bus.trim();
        this.defaultAdapter = adapter == null ? "" : adapter.trim();
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
    }

    /** The shared connection, opened again if the bus went away. */
    BleClient client() throws BleException {
        clientLock.lock();
        try {
            if (client == null || !client.isConnected()) {
                client = BleClient.open(bus);
            }
            return client;
        } finally {
            clientLock.unlock();
        }
    }

    @Override
    public DriverSession open(DeviceConfig device, PointSink sink) throws BleException {
        Backoff backoff = backoffs.computeIfAbsent(device.id(),
                id -> new Backoff(backoffInitial, backoffMax, ThreadLocalRandom.current()::nextDouble));
        ReentrantLock attempt = attempts.computeIfAbsent(device.id(), id -> new ReentrantLock());
        attempt.lock();
        try {
            Duration wait = backoff.remaining(System.nanoTime());
            if (!wait.isZero()) {
                throw new BleException(lastFailure.get(device.id()) + "; reconnect attempt " + (backoff.failures() + 1)
                        + " in " + wait.toMillis() + " ms" + gap(device.id()));
            }
            BleConnection connection = null;
            try {
                BleClient c = client();
                String adapterPath = c.adapterPath(device.option("adapter", defaultAdapter));
                String address = BleNames.isNamePattern(device.address())
                        ? new BleScanner(c).addressByName(adapterPath, device.address(), device.timeout())
                        : device.address();
                connection = new BleConnection(c, adapterPath, address);
                connection.connect(device.timeout());
                BleSession session = new BleSession(device, connection, reason -> {
                    lostAt.put(device.id(), reason + " at " + java.time.Instant.now());
                    sink.lost(reason);
                }, sink);
                backoff.succeeded();
                lastFailure.remove(device.id());
                lostAt.remove(device.id());
                return session;
            } catch (BleException | RuntimeException e) {
                if (connection != null) {
                    connection.close();
                }
                Duration next = backoff.failed(System.nanoTime());
                String reason = e.getMessage();
                lastFailure.put(device.id(), reason);
                throw new BleException(reason + " (failure " + backoff.failures() + " in a row, next attempt in "
                        + next.toMillis() + " ms" + gap(device.id()) + ")", e);
            }
        } finally {
            attempt.unlock();
        }
    }

    private String gap(String deviceId) {
        String lost = lostAt.get(deviceId);
        return lost == null ? "" : "; connection lost: " + lost;
    }

    @Override
    public List<DeviceProblem> validate(DeviceConfig device) {
        List<DeviceProblem> problems = new ArrayList<>();
        if (!BleNames.isAddress(device.address()) && !BleNames.isNamePattern(device.address())) {
            problems.add(new DeviceProblem("address", "not a Bluetooth address like C0:FF:EE:00:00:01 nor a name "
                    + "pattern like name:sensor-*: '" + device.address() + "'"));
        }
        for (String option : device.options().keySet()) {
            if (!option.equals("adapter")) {
                problems.add(new DeviceProblem("options." + option, "unknown option of a BLE device (known: adapter)"));
            }
        }
        String adapter = device.option("adapter", "");
        if (!adapter.isEmpty() && !adapter.matches("hci[0-9]+")) {
            problems.add(new DeviceProblem("options.adapter", "not an adapter name like hci0: '" + adapter + "'"));
        }
        for (int i = 0; i < device.points().size(); i++) {
            Point p = device.points().get(i);
            String at = "points[" + i + "].";
            try {
                BleNames.uuid(p.address());
            } catch (IllegalArgumentException e) {
                problems.add(new DeviceProblem(at + "address", e.getMessage()));
            }
            String write = p.option("write", "request");
            if (!write.equals("request") && !write.equals("command")) {
                problems.add(new DeviceProblem(at + "options.write", "must be request (with response) or command "
                        + "(without), not '" + write + "'"));
            }
            try {
                PointCodec.of(p);
            } catch (CodecConfigException e) {
                problems.add(new DeviceProblem(at + "options." + e.field(), e.problem()));
            }
        }
        return problems;
    }

    @Override
    public List<DiscoveredDevice> discover(Map<String, String> options, Duration timeout) throws BleException {
        List<DiscoveredDevice> found = new ArrayList<>();
        for (ScanResult r : new BleScanner(client()).scan(options.getOrDefault("adapter", defaultAdapter), timeout,
                options.get("name_prefix"))) {
            Map<String, String> properties = new java.util.LinkedHashMap<>();
            if (r.rssi() != null) {
                properties.put("rssi", r.rssi().toString());
            }
            properties.put("services", String.join(",", r.serviceUuids()));
            found.add(new DiscoveredDevice(r.address(), r.name(), properties, List.of()));
        }
        return found;
    }

    @Deactivate
    public void close() {
        clientLock.lock();
        try {
            if (client != null) {
                client.close();
                client = null;
            }
        } finally {
            clientLock.unlock();
        }
    }
}
