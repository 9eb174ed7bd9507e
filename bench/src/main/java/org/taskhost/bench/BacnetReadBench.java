package org.taskhost.bench;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.taskhost.driver.bacnet.internal.BacnetClient;
import org.taskhost.driver.bacnet.internal.PropertyRef;
import org.taskhost.driver.bacnet.internal.PropertyResult;

/**
 * Points per second read from simulated BACnet devices (node-bacnet, one process serving N devices on loopback) by
 * the driver's client: ReadPropertyMultiple with 20 properties per request, then ReadProperty one by one. One thread
 * per device in a closed loop, each reading the device's 20 present values, for a fixed time after a warm-up.
 *
 * <p>Arguments: top folder, seconds per mode (default 10), devices (default 3).
 */
public final class BacnetReadBench {
    static final int CLIENT_PORT = 47930;
    static final int FIRST_DEVICE = 47931;

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int devices = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Process sim = startSimulator(top, FIRST_DEVICE, 5001, devices, CLIENT_PORT, false);
        try (BacnetClient client = new BacnetClient(new InetSocketAddress("127.0.0.1", CLIENT_PORT))) {
            List<PropertyRef> refs = new ArrayList<>();
            for (String name : List.of("AI:0", "AI:1", "AI:2", "AI:3", "AI:4", "AI:5", "AI:6", "AI:7", "AI:8", "AI:9", "AO:0",
                    "AO:1", "AV:0", "AV:1", "AV:2", "BI:0", "BI:1", "BO:0", "BV:0", "MSI:0")) {
                refs.add(PropertyRef.parse(name));
            }
            System.out.printf("BACnet reads: %d simulated devices (node-bacnet 0.2.4, one node process), 20 points each, one client thread per device%n", devices);
            for (int max : new int[] {20, 1}) {
                run(client, refs, devices, max, 2);
                double[] r = run(client, refs, devices, max, seconds);
                System.out.printf("  %-26s %,8.0f points/s  (%,.0f requests/s, %d errors, %d s)%n",
                        max == 1 ? "ReadProperty" : "ReadPropertyMultiple x" + max, r[0], r[1], (long) r[2], seconds);
            }
        } finally {
            sim.destroyForcibly();
            sim.waitFor();
        }
    }

    private static double[] run(BacnetClient client, List<PropertyRef> refs, int devices, int max, int seconds) throws Exception {
        LongAdder points = new LongAdder();
        LongAdder errors = new LongAdder();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        BacnetClient.Timing timing = new BacnetClient.Timing(Duration.ofSeconds(1), 2);
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", FIRST_DEVICE + d);
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        for (PropertyResult r : client.read(address, refs, max, timing)) {
                            if (r.isOk()) {
                                points.increment();
                            } else {
                                errors.increment();
                            }
                        }
                    } catch (Exception e) {
                        errors.increment();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new double[] {points.sum() / (double) seconds, points.sum() / (double) seconds / (max == 1 ? 1 : max), errors.sum()};
    }

    /** The BACnet tests' simulator with {@code count} devices from {@code port} on; waits until its control port answers. */
    static Process startSimulator(Path top, int port, int instance, int count, int clientPort, boolean record) throws Exception {
        Path dir = top.resolve("bundles/org.taskhost.driver.bacnet/src/test/node");
        List<String> command = new ArrayList<>(List.of("setsid", "node", "simdevice.js", "--port", String.valueOf(port),
                "--instance", String.valueOf(instance), "--count", String.valueOf(count), "--client", "127.0.0.1:" + clientPort));
        if (record) {
            command.add("--record");
        }
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(new File("/dev/null"))
                .redirectErrorStream(true).redirectOutput(File.createTempFile("bacnet-bench-sim", ".log")).start();
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 1000) + "/objects"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("the simulator did not start (npm ci in " + dir + "?)");
    }
}
