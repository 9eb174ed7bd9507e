package org.taskhost.devices.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointValue;

/**
 * The {@code virtual} driver: devices without hardware, to try taskhost, test mappings and stand in for a device
 * not yet delivered. A point's address says what it does: {@code hold} keeps what is written (with a BACnet-like
 * priority array: the highest priority wins, a relinquish clears its slot, the point's {@code initial} option is the
 * relinquish default), {@code ramp:<min>:<max>:<step>} counts up by step at every read and wraps, {@code error}
 * always reads BAD. Device options: {@code fail=true} makes every request fail (a device that does not answer),
 * {@code delay_ms} delays each request. Values live as long as the driver, across sessions and device changes.
 */
@Component(service = Driver.class, property = Driver.DRIVER_PROPERTY + "=virtual")
public class VirtualDriver implements Driver {

    private final Map<String, VirtualPoint> points = new ConcurrentHashMap<>();

    @Override
    public DriverSession open(DeviceConfig device, PointSink sink) throws Exception {
        behave(device);
        // a point taken out of the device's definition is forgotten, not kept for the life of the bundle
        String prefix = device.id() + "/";
        points.keySet().removeIf(k -> k.startsWith(prefix) && device.point(k.substring(prefix.length())).isEmpty());
        return new DriverSession() {
            @Override
            public Map<String, PointValue> read(List<Point> list) throws Exception {
                behave(device);
                Map<String, PointValue> out = new LinkedHashMap<>();
                for (Point p : list) {
                    out.put(p.id(), point(device, p).read());
                }
                return out;
            }

            @Override
            public void write(Point p, Object value, Integer priority) throws Exception {
                behave(device);
                point(device, p).write(value, priority == null ? 16 : priority);
            }

            @Override
            public void close() {
            }
        };
    }

    private VirtualPoint point(DeviceConfig device, Point p) {
        return points.compute(device.id() + "/" + p.id(), (k, old) -> old != null && old.matches(p) ? old : new VirtualPoint(p));
    }

    private static void behave(DeviceConfig device) throws Exception {
        long delay = Long.parseLong(device.option("delay_ms", "0"));
        if (delay > 0) {
            Thread.sleep(delay);
        }
        if (Boolean.parseBoolean(device.option("fail", "false"))) {
            throw new java.io.IOException("virtual device " + device.id() + " does not answer (option fail=true)");
        }
    }

    @Override
    public List<DeviceProblem> validate(DeviceConfig device) {
        List<DeviceProblem> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, String> o : device.options().entrySet()) {
            switch (o.getKey()) {
                case "fail" -> { }
                case "delay_ms" -> {
                    if (!o.getValue().matches("\\d{1,6}")) {
                        problems.add(new DeviceProblem("options.delay_ms", "'" + o.getValue() + "' is not a number of milliseconds"));
                    }
                }
                default -> problems.add(new DeviceProblem("options." + o.getKey(), "unknown option of the virtual driver (fail, delay_ms)"));
            }
        }
        for (int i = 0; i < device.points().size(); i++) {
            Point p = device.points().get(i);
            try {
                new VirtualPoint(p);
            } catch (VirtualPoint.BadPoint e) {
                problems.add(new DeviceProblem("points[" + i + "]." + e.field(), e.getMessage()));
            }
        }
        return problems;
    }

    @Override
    public List<DiscoveredDevice> discover(Map<String, String> options, Duration timeout) {
        return List.of(new DiscoveredDevice("virtual-1", "a virtual device", Map.of("vendor_name", "taskhost"),
                List.of(new Point("setpoint", "hold", org.taskhost.api.device.PointType.FLOAT, "degC", true, null, false,
                        "", Map.of("initial", "20")), new Point("counter", "ramp:0:100:1", org.taskhost.api.device.PointType.FLOAT,
                        "", false, null, false, "", Map.of()))));
    }
}
