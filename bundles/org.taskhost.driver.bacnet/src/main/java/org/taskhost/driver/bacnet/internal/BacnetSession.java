package org.taskhost.driver.bacnet.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointValue;

/** One device over the driver's shared client: reads in batches, writes with priority, follows COV. */
final class BacnetSession implements DriverSession {
    private final BacnetClient client;
    private final InetSocketAddress address;
    private final int maxPerRequest;
    private final int covLifetime;
    private final BacnetClient.Timing timing;
    private final PointSink sink;
    private final ScheduledExecutorService scheduler;
    private final long processId;
    private final Map<String, PropertyRef> refs = new ConcurrentHashMap<>();
    /** renewed on the scheduler's thread while polls and COV notifications go on */
    private final Set<ObjectId> subscribed = ConcurrentHashMap.newKeySet();
    private final List<Point> covPoints = new CopyOnWriteArrayList<>();
    private final Consumer<CovNotification> covListener = this::onCov;
    private volatile ScheduledFuture<?> renewal;

    BacnetSession(BacnetClient client, DeviceConfig device, int maxPerRequest, int covLifetime, PointSink sink,
            ScheduledExecutorService scheduler, long processId) {
        this.client = client;
        this.address = DeviceAddress.parse(device.address());
        this.maxPerRequest = maxPerRequest;
        this.covLifetime = covLifetime;
        this.timing = new BacnetClient.Timing(device.timeout(), device.retries() + 1);
        this.sink = sink;
        this.scheduler = scheduler;
        this.processId = processId;
        for (Point p : device.points()) {
            refs.put(p.id(), PointAddress.parse(p.address()));
        }
    }

    @Override
    public Map<String, PointValue> read(List<Point> points) throws Exception {
        List<PropertyRef> batch = points.stream().map(p -> ref(p)).toList();
        List<PropertyResult> results = client.read(address, batch, maxPerRequest, timing);
        Map<String, PointValue> values = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            values.put(points.get(i).id(), PointValues.of(points.get(i), results.get(i)));
        }
        return values;
    }

    @Override
    public void write(Point point, Object value, Integer priority) throws Exception {
        client.writeProperty(address, ref(point), value, priority, timing);
    }

    @Override
    public Set<String> subscribe(List<Point> points) throws Exception {
        client.removeCovListener(covListener);
        client.onCov(covListener);
        covPoints.addAll(points);
        Set<ObjectId> objects = new LinkedHashSet<>();
        points.forEach(p -> objects.add(ref(p).object()));
        for (ObjectId object : objects) {
            client.subscribeCov(address, object, processId, covLifetime, timing);
            subscribed.add(object);
        }
        if (covLifetime > 0 && !subscribed.isEmpty()) {
            long period = Math.max(1, covLifetime / 2);
            ScheduledFuture<?> previous = renewal;
            if (previous != null) {
                previous.cancel(false);
            }
            renewal = scheduler.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.SECONDS);
        }
        Set<String> ids = new LinkedHashSet<>();
        points.forEach(p -> ids.add(p.id()));
        return ids;
    }

    private void renew() {
        try {
            for (ObjectId object : subscribed) {
                client.subscribeCov(address, object, processId, covLifetime, timing);
            }
        } catch (BacnetException e) {
            sink.lost("COV subscription could not be renewed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void onCov(CovNotification n) {
        if (n.processId() != processId || !n.from().equals(address)) {
            return;
        }
        for (Point p : covPoints) {
            PropertyRef ref = ref(p);
            if (ref.object().equals(n.object()) && ref.arrayIndex() == null && n.values().containsKey(ref.property())) {
                sink.update(p.id(), PointValues.of(p, n.values().get(ref.property())));
            }
        }
    }

    private PropertyRef ref(Point point) {
        return refs.computeIfAbsent(point.id(), id -> PointAddress.parse(point.address()));
    }

    @Override
    public void close() {
        ScheduledFuture<?> r = renewal;
        if (r != null) {
            r.cancel(false);
        }
        client.removeCovListener(covListener);
        var quick = new BacnetClient.Timing(Duration.ofMillis(Math.min(500, timing.timeout().toMillis())), 1);
        for (ObjectId object : subscribed) {
            try {
                client.cancelCov(address, object, processId, quick);
            } catch (BacnetException e) {
                // the subscription ends with its lifetime
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
