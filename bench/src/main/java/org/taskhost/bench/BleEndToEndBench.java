package org.taskhost.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GATT notifications of one BLE device through the launched taskhost: BlueZ mocked on a private D-Bus, the BLE driver
 * in Felix, the devices bundle's point cache, and one of its listeners, the Server-Sent Events of
 * {@code GET /api/v1/devices/events}, read by this program. Latency: the mock's send time (in the frame, decoded by
 * the point's codec) to the event's arrival here. Usage: BleEndToEndBench <repository top> [Hz] [seconds] [burst s]
 */
public final class BleEndToEndBench {
    private static final Pattern SENT = Pattern.compile("\"point\":\"sent\",\"value\":(\\d+),\"quality\":\"GOOD\"");
    private static final String DEVICE = """
            {"id":"bench","driver":"ble","address":"%s","poll_interval":1,"timeout":5,"points":[
              {"id":"sent","address":"%s","type":"int","cov":true,
               "options":{"codec":"int64","start":"4","crc":"CRC-16/MODBUS"}}]}""";

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        double hz = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        double burst = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        int port = ShellSession.freePort();
        Path data = Files.createTempDirectory("blebench-data");
        try (BlueZMockProcess mock = new BlueZMockProcess(top)) {
            Map<String, String> env = new HashMap<>(ShellSession.caOnLoopback(ShellSession.freePort()));
            env.putAll(Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_PORT", String.valueOf(port),
                    "TASKHOST_SAMPLES", "false", "DBUS_SYSTEM_BUS_ADDRESS", mock.busAddress));
            try (ShellSession taskhost = new ShellSession(top, env)) {
                taskhost.await("[loader] ready", 0, 120);
                String token = Files.readString(data.resolve("admin.token")).trim();
                String base = "http://127.0.0.1:" + port + "/api/v1";
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> added = send(http, base, token, "POST", "/devices",
                        DEVICE.formatted(BlueZMockProcess.ADDRESS, BlueZMockProcess.STREAM));
                if (added.statusCode() / 100 != 2) {
                    throw new IllegalStateException(added.body());
                }
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String state;
                while (!(state = send(http, base, token, "GET", "/devices/bench", null).body()).contains("\"status\":\"OK\"")) {
                    if (System.nanoTime() > end) {
                        throw new IllegalStateException("the device did not connect: " + state);
                    }
                    Thread.sleep(50);
                }
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                AtomicLong received = new AtomicLong();
                java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
                AtomicLong first = new AtomicLong();
                AtomicLong last = new AtomicLong();
                HttpRequest events = HttpRequest.newBuilder(URI.create(base + "/devices/events?device=bench"))
                        .header("Authorization", "Bearer " + token).GET().build();
                http.sendAsync(events, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
                    Matcher m = SENT.matcher(line);
                    // a poll re-reads a notify-only point as its last notification: count each frame once
                    if (m.find() && seen.add(m.group(1))) {
                        Instant now = Instant.now();
                        long nanos = System.nanoTime();
                        latencies.add(now.getEpochSecond() * 1_000_000_000L + now.getNano() - Long.parseLong(m.group(1)));
                        first.compareAndSet(0, nanos);
                        last.set(nanos);
                        received.incrementAndGet();
                    }
                }));
                Thread.sleep(500);
                int paced = (int) (hz * seconds);
                mock.command("stream " + BlueZMockProcess.STREAM + " " + hz + " " + paced);
                BleNotifyBench.await(() -> received.get() >= paced, Duration.ofSeconds((long) seconds * 3 + 10));
                BleNotifyBench.report("paced " + hz + " Hz", "point cache -> SSE listener", paced, received.get(),
                        latencies, first.get(), last.get());
                latencies.clear();
                received.set(0);
                first.set(0);
                long sent = Long.parseLong(mock.command("burst " + BlueZMockProcess.STREAM + " " + burst));
                BleNotifyBench.await(() -> received.get() >= sent, Duration.ofSeconds(30));
                BleNotifyBench.report("burst " + burst + " s", "point cache -> SSE listener", sent, received.get(),
                        latencies, first.get(), last.get());
            }
        }
    }

    private static HttpResponse<String> send(HttpClient http, String base, String token, String method, String path,
            String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
