package org.taskhost.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    private static final String STREAM = "12345678-1234-5678-1234-56789abcdef2";

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        double hz = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        double pacedSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        double burstSeconds = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        Path dir = Files.createTempDirectory("bench-ble");
        Process mock = new ProcessBuilder("setsid", "/usr/bin/python3",
                top.resolve("bundles/org.taskhost.driver.ble/src/test/python/bluez_mock.py").toString(),
                dir.resolve("bus").toString()).redirectError(dir.resolve("harness.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(mock.getOutputStream(), StandardCharsets.UTF_8);
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            throw new IllegalStateException("mock did not start: " + ready);
        }
        BleDriver driver = new BleDriver(ready.substring(6), "", Duration.ofMillis(100), Duration.ofSeconds(2));
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
            command(in, out, "stream " + STREAM + " " + hz + " " + paced);
            await(() -> counted.get() >= paced, Duration.ofSeconds((long) pacedSeconds * 3 + 10));
            report("paced " + hz + " Hz", paced, counted.get(), latencies, firstNanos.get(), lastNanos.get());

            latencies.clear();
            counted.set(0);
            firstNanos.set(0);
            long sentInBurst = Long.parseLong(command(in, out, "burst " + STREAM + " " + burstSeconds));
            await(() -> counted.get() >= sentInBurst, Duration.ofSeconds(30));
            report("burst " + burstSeconds + " s", sentInBurst, counted.get(), latencies, firstNanos.get(),
                    lastNanos.get());
        } finally {
            driver.close();
            in.write("quit\n");
            in.close();
            mock.waitFor();
        }
    }

    private static void report(String what, long sent, long received, List<Long> latencies, long first, long last) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = (last - first) / 1e9;
        System.out.printf("BLE notify %s: sent %d, received %d (%d lost), %.0f notifications/s received; "
                + "mock send -> PointSink.update latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sent, received,
                sent - received, seconds > 0 ? (received - 1) / seconds : 0, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static String command(Writer in, BufferedReader out, String line) throws Exception {
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || !answer.startsWith("OK")) {
            throw new IllegalStateException(line + " -> " + answer);
        }
        return answer.substring(2).trim();
    }

    private static void await(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
