package org.taskhost.devices.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointValue;

/**
 * A driver for unit tests whose devices behave as their {@code mode} option says: {@code good} answers, {@code fail}
 * throws at every read, {@code hang} never returns from a read; a point with address {@code bad} reads BAD;
 * a write to a point with address {@code silent} times out, to one with address {@code refusing} is refused.
 */
final class FakeDriver implements Driver {

    final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    final Map<String, PointSink> sinks = new ConcurrentHashMap<>();
    final Map<String, String> writes = new ConcurrentHashMap<>();
    final CountDownLatch never = new CountDownLatch(1);
    /** Devices that fail whatever their mode, until removed from here. */
    final Set<String> down = ConcurrentHashMap.newKeySet();
    /** Devices that cannot be connected: opening a session fails, until removed from here. */
    final Set<String> away = ConcurrentHashMap.newKeySet();

    @Override
    public DriverSession open(DeviceConfig device, PointSink sink) throws IOException {
        opens.computeIfAbsent(device.id(), k -> new AtomicInteger()).incrementAndGet();
        if (away.contains(device.id())) {
            throw new IOException("device " + device.address() + " not found");
        }
        sinks.put(device.id(), sink);
        return new DriverSession() {
            @Override
            public Map<String, PointValue> read(List<Point> points) throws Exception {
                reads.computeIfAbsent(device.id(), k -> new AtomicInteger()).incrementAndGet();
                if (down.contains(device.id())) {
                    throw new IOException("timeout: " + device.id() + " did not answer");
                }
                switch (device.option("mode", "good")) {
                    case "fail" -> throw new IOException("no answer from " + device.address());
                    case "hang" -> never.await();
                    default -> { }
                }
                Map<String, PointValue> out = new LinkedHashMap<>();
                for (Point p : points) {
                    out.put(p.id(), p.address().equals("bad") ? PointValue.bad("unknown-object") : PointValue.good(42.0));
                }
                return out;
            }

            @Override
            public void write(Point point, Object value, Integer priority) throws IOException {
                switch (point.address()) {
                    case "silent" -> throw new IOException("no answer from " + device.address(), new TimeoutException());
                    case "refusing" -> throw new IOException("write-access-denied; timeout: 5 s");
                    default -> writes.put(device.id() + "/" + point.id(), value + "@" + priority);
                }
            }

            @Override
            public Set<String> subscribe(List<Point> points) {
                return Set.of();
            }

            @Override
            public void close() {
            }
        };
    }

    int opens(String id) {
        AtomicInteger n = opens.get(id);
        return n == null ? 0 : n.get();
    }

    int reads(String id) {
        AtomicInteger n = reads.get(id);
        return n == null ? 0 : n.get();
    }
}
