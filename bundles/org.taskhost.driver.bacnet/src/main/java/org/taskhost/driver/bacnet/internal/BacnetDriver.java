package org.taskhost.driver.bacnet.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

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
import org.taskhost.api.device.PointSink;
import org.taskhost.api.settings.Setting;

/**
 * The {@code bacnet} driver: BACnet/IP devices over one UDP port (configuration PID {@code org.taskhost.driver.bacnet}).
 * Device options: {@code max_per_request}, {@code cov_lifetime}.
 */
@Component(service = {Driver.class, BacnetDriver.class}, property = Driver.DRIVER_PROPERTY + "=bacnet",
        configurationPid = "org.taskhost.driver.bacnet", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BacnetConfig.class)
public class BacnetDriver implements Driver {
    static final String PORT_ENV = "TASKHOST_BACNET_PORT";
    static final String BIND_ENV = "TASKHOST_BACNET_BIND";

    private final BacnetConfig config;
    private final InetSocketAddress bind;
    private BacnetClient client;
    private boolean stopped;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong processIds = new AtomicLong(ProcessHandle.current().pid() % 10000 * 1000);

    @Activate
    public BacnetDriver(BacnetConfig config) throws Exception {
        this.config = config;
        this.bind = bindAddress(config);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bacnet-cov-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    /** local_port and bind_address, into which etc/ maps TASKHOST_BACNET_PORT and TASKHOST_BACNET_BIND. */
    static InetSocketAddress bindAddress(BacnetConfig config) {
        String host = Setting.text(BIND_ENV, config.bind__address());
        int port = Setting.typed(PORT_ENV, "a port number", config::local__port);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(PORT_ENV + ": " + port + " is out of range 0..65535");
        }
        return new InetSocketAddress(host, port);
    }

    @Deactivate
    synchronized void deactivate() {
        scheduler.shutdownNow();
        stopped = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /**
     * The shared client, its UDP port bound at the first device or discovery: a taskhost without BACnet devices
     * holds no port, and a port in use shows as the devices' error instead of a driver that is missing.
     */
    synchronized BacnetClient client() throws java.net.SocketException {
        if (stopped) {
            throw new IllegalStateException("the BACnet driver has stopped");
        }
        if (client == null) {
            client = new BacnetClient(bind);
        }
        return client;
    }

    @Override
    public DriverSession open(DeviceConfig device, PointSink sink) throws Exception {
        return new BacnetSession(client(), device, intOption(device, "max_per_request", config.max__per__request()),
                intOption(device, "cov_lifetime", config.cov__lifetime()), sink, scheduler,
                processIds.incrementAndGet() & 0x3fffff);
    }

    @Override
    public List<DeviceProblem> validate(DeviceConfig device) {
        return DeviceChecks.problems(device);
    }

    private static int intOption(DeviceConfig device, String key, int fallback) {
        String value = device.options().get(key);
        return value == null ? fallback : WholeNumber.parse("options." + key, value, Integer.MIN_VALUE, Integer.MAX_VALUE, "whole number");
    }

    /**
     * Who-Is to {@code address} (host:port, a comma-separated list, default the configured broadcast address) with
     * optional {@code low}/{@code high} instance limits; each device's object-name is read when it answers.
     */
    @Override
    public List<DiscoveredDevice> discover(Map<String, String> options, Duration timeout) throws Exception {
        List<InetSocketAddress> targets;
        try {
            targets = DeviceAddress.parseList(options.getOrDefault("address", config.discovery__address()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address: " + e.getMessage());
        }
        Integer low = limit(options, "low");
        Integer high = limit(options, "high");
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException("low and high go together: give both or neither");
        }
        List<DiscoveredDevice> found = new ArrayList<>();
        BacnetClient client = client();
        for (IAm iAm : client.discover(targets, timeout, low, high)) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("device_instance", String.valueOf(iAm.instance()));
            properties.put("vendor_id", String.valueOf(iAm.vendorId()));
            properties.put("max_apdu", String.valueOf(iAm.maxApdu()));
            properties.put("segmentation", iAm.segmentation());
            String name = "";
            try {
                PropertyResult r = client.readProperty(iAm.address(),
                        PropertyRef.of(new ObjectId(ObjectId.DEVICE, iAm.instance()), PropertyRef.OBJECT_NAME),
                        new BacnetClient.Timing(Duration.ofMillis(500), 1));
                name = r.isOk() && r.value() != null ? r.value().toString() : "";
            } catch (BacnetException e) {
                properties.put("name_error", e.getMessage());
            }
            found.add(new DiscoveredDevice(DeviceAddress.format(iAm.address()), name, properties, List.of()));
        }
        return found;
    }

    private static Integer limit(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            return null;
        }
        return WholeNumber.parse(key, value, 0, ObjectId.MAX_INSTANCE, "device instance number");
    }
}
