package org.taskhost.driver.ble.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointValue;

/**
 * An open GATT connection serving a device's points: each point is a characteristic (its address, a UUID) decoded by
 * its {@link PointCodec}. Points of notify-only characteristics read as their last notification.
 */
final class BleSession implements DriverSession {
    private final DeviceConfig device;
    private final BleConnection connection;
    private final PointSink sink;
    private final Map<String, PointCodec> codecs = new HashMap<>();
    private final Map<String, PointValue> lastNotified = new ConcurrentHashMap<>();

    BleSession(DeviceConfig device, BleConnection connection, java.util.function.Consumer<String> onLost,
            PointSink sink) {
        this.device = device;
        this.connection = connection;
        this.sink = sink;
        for (Point p : device.points()) {
            codecs.put(p.id(), PointCodec.of(p));
        }
        connection.onLost(onLost);
    }

    @Override
    public Map<String, PointValue> read(List<Point> points) throws BleException {
        Map<String, PointValue> values = new LinkedHashMap<>();
        for (Point p : points) {
            BleConnection.Characteristic c = find(p);
            if (c == null) {
                values.put(p.id(), PointValue.bad("no characteristic " + p.address() + " on " + device.address()));
            } else if (c.can("read")) {
                values.put(p.id(), readOne(p, c));
            } else {
                values.put(p.id(), lastNotified.getOrDefault(p.id(),
                        PointValue.bad("characteristic " + c.uuid() + " cannot be read and has notified nothing yet")));
            }
        }
        return values;
    }

    private PointValue readOne(Point p, BleConnection.Characteristic c) throws BleException {
        try {
            return codec(p).decode(connection.read(c));
        } catch (BleException e) {
            if (connection.isLost()) {
                throw e;
            }
            return PointValue.bad(e.getMessage());
        }
    }

    @Override
    public void write(Point point, Object value, Integer priority) throws BleException {
        BleConnection.Characteristic c = characteristic(point);
        String mode = point.option("write", c.can("write") ? "request" : "command");
        connection.write(c, codec(point).encode(value), !mode.equals("command"));
    }

    /** The devices bundle passes the configured points, but a point it passes is decoded as it says. */
    private PointCodec codec(Point p) {
        PointCodec codec = codecs.get(p.id());
        return codec != null && device.point(p.id()).filter(p::equals).isPresent() ? codec : PointCodec.of(p);
    }

    /** @return the point's characteristic, or null when the device has none with its UUID */
    private BleConnection.Characteristic find(Point point) {
        return connection.characteristic(BleNames.uuid(point.address()));
    }

    private BleConnection.Characteristic characteristic(Point point) throws BleException {
        BleConnection.Characteristic c = find(point);
        if (c == null) {
            throw new BleException("no characteristic " + point.address() + " on " + device.address() + " (it has "
                    + String.join(", ", connection.characteristics().keySet()) + ")");
        }
        return c;
    }

    @Override
    public Set<String> subscribe(List<Point> points) throws BleException {
        Set<String> followed = new LinkedHashSet<>();
        for (Point p : points) {
            BleConnection.Characteristic c = find(p);
            if (c == null || !(c.can("notify") || c.can("indicate"))) {
                continue;
            }
            PointCodec codec = codec(p);
            connection.follow(c, bytes -> {
                PointValue value = codec.decode(bytes);
                lastNotified.put(p.id(), value);
                sink.update(p.id(), value);
            });
            followed.add(p.id());
        }
        return followed;
    }

    @Override
    public void close() {
        connection.close();
    }
}
