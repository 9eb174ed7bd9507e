package org.taskhost.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.PointValue;
import org.taskhost.driver.ble.internal.BleDriver;

/**
 * GATT notifications of one device through BlueZ mocked by python-dbusmock on a private D-Bus
 * (bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py) into the BLE driver: latency from the mock's
 * send (a wall-clock time in the frame) to the driver's {@link PointSink#update} (where the devices bundle puts the
 * value into the point cache), decoded by the point's codec; paced at a rate, then a burst as fast as the mock sends.
 * Usage: BleNotifyBench <repository top> [paced Hz] [paced seconds] [burst seconds]
 */
public final class BleNotifyBench {
    private static final String STREAM = BlueZMockProcess.STREAM;

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        double hz = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        double pacedSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        double burstSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        BlueZMockProcess mock = new BlueZMockProcess(top);
        BleDriver driver = new BleDriver(mock.busAddress, "", Duration.ofMillis(100), Duration.ofSeconds(2));
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong counted = new AtomicLong();
        AtomicLong firstNanos = new AtomicLong();
        AtomicLong lastNanos = new AtomicLong();
        PointSink sink = new PointSink() {
            @Override
            public void update(String pointId, PointValue value) {
                long now = System.nanoTime();
                if (pointId.equals("sent") && value.isGood()) {
                    Instant t = Instant.now();
                    latencies.add(t.getEpochSecond() * 1_000_000_000L + t.getNano() - (Long) value.value());
                } else if (pointId.equals("count") && value.isGood()) {
                    firstNanos.compareAndSet(0, now);
                    lastNanos.set(now);
                    counted.incrementAndGet();
                }
            }

            @Override
            public void lost(String reason) {
                System.out.println("lost: " + reason);
            }
        };
        Point count = new Point("count", STREAM, PointType.INT, "", false, null, true, "",
                Map.of("codec", "uint32", "crc", "CRC-16/MODBUS"));
        Point sent = new Point("sent", STREAM, PointType.INT, "ns", false, null, true, "",
                Map.of("codec", "int64", "start", "4", "crc", "CRC-16/MODBUS"));
        DeviceConfig device = new DeviceConfig("bench", "ble", "C0:FF:EE:00:00:01", Duration.ofSeconds(1), true,
                Duration.ofSeconds(5), 0, Map.of(), List.of(count, sent), "");
        try (DriverSession session = driver.open(device, sink)) {
            session.subscribe(List.of(count, sent));
            int paced = (int) (hz * pacedSeconds);
            mock.command("stream " + STREAM + " " + hz + " " + paced);
            await(() -> counted.get() >= paced, Duration.ofSeconds((long) pacedSeconds * 3 + 10));
            report("paced " + hz + " Hz", "PointSink.update", paced, counted.get(), latencies, firstNanos.get(), lastNanos.get());

            latencies.clear();
            counted.set(0);
            firstNanos.set(0);
            long sentInBurst = Long.parseLong(mock.command("burst " + STREAM + " " + burstSeconds));
            await(() -> counted.get() >= sentInBurst, Duration.ofSeconds(30));
            report("burst " + burstSeconds + " s", "PointSink.update", sentInBurst, counted.get(), latencies, firstNanos.get(),
                    lastNanos.get());
        } finally {
            driver.close();
            mock.close();
        }
    }

    static void report(String what, String path, long sent, long received, List<Long> latencies, long first, long last) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (last - first) / 1e9;
        System.out.printf("BLE notify %s: sent %d, received %d (%d lost), %.0f notifications/s received; "
                + "mock send -> %s latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sent, received,
                sent - received, seconds > 0 ? (received - 1) / seconds : 0, path, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static void await(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
