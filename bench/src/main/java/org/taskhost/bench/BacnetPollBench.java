package org.taskhost.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many BACnet devices polled by the launched taskhost: N simulated devices (one node-bacnet process, each device on
 * its own loopback port) with 10 points each, created over REST with a 1 s poll interval. After a warm-up, for a
 * fixed time: the poll-start jitter as the devices see it (the gaps between a device's read requests, minus the
 * interval), taskhost's CPU, and its heap after the run (jcmd GC.heap_info).
 *
 * <p>Arguments: top folder, devices (default 200), seconds (default 30), warm-up seconds (default 15).
 */
public final class BacnetPollBench {
    static final int CLIENT_PORT = 47940;
    static final int FIRST_DEVICE = 48100;

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Process sim = BacnetReadBench.startSimulator(top, FIRST_DEVICE, 6001, devices, CLIENT_PORT, true);
        int port = ShellSession.freePort();
        Path data = Files.createTempDirectory("bacnet-poll-bench");
        Map<String, String> env = new HashMap<>(ShellSession.caOnLoopback(ShellSession.freePort()));
        env.putAll(Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_PORT", String.valueOf(port), "TASKHOST_SAMPLES", "false",
                "TASKHOST_BACNET_PORT", String.valueOf(CLIENT_PORT), "TASKHOST_BACNET_BIND", "127.0.0.1"));
        HttpClient http = HttpClient.newHttpClient();
        try (ShellSession taskhost = new ShellSession(top, env)) {
            taskhost.await("REST API admin token", 0, 60);
            taskhost.await("[loader] ready", 0, 120);
            String token = Files.readString(data.resolve("admin.token")).trim();
            URI base = URI.create("http://127.0.0.1:" + port + "/api/v1/");
            for (int d = 0; d < devices; d++) {
                StringBuilder points = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    points.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",\"address\":\"AI:").append(i).append("\"}");
                }
                String json = "{\"id\":\"d" + d + "\",\"driver\":\"bacnet\",\"address\":\"127.0.0.1:" + (FIRST_DEVICE + d)
                        + "\",\"poll_interval\":1,\"timeout\":0.5,\"retries\":1,\"points\":[" + points + "]}";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("devices")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("device d" + d + ": " + r.statusCode() + " " + r.body());
                }
            }
            Thread.sleep(warmup * 1000L);
            double t0 = System.currentTimeMillis();
            long cpu0 = taskhost.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            Thread.sleep(seconds * 1000L);
            long cpu1 = taskhost.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            double t1 = System.currentTimeMillis();
            String arrivals = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (FIRST_DEVICE + 1000) + "/arrivals")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<Double> jitter = new ArrayList<>();
            long requests = 0;
            Matcher device = Pattern.compile("\"\\d+\":\\[([^\\]]*)\\]").matcher(arrivals);
            while (device.find()) {
                double previous = -1;
                for (String s : device.group(1).split(",")) {
                    if (s.isEmpty()) {
                        continue;
                    }
                    double t = Double.parseDouble(s);
                    if (t < t0 || t > t1) {
                        continue;
                    }
                    requests++;
                    if (previous > 0) {
                        jitter.add(Math.abs(t - previous - 1000));
                    }
                    previous = t;
                }
            }
            double[] j = jitter.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            String heap = heap(taskhost.process.pid());
            System.out.printf("BACnet polling: %d simulated devices x 10 points at 1 s (one node-bacnet process), %d s after %d s warm-up%n",
                    devices, seconds, warmup);
            System.out.printf("  read requests seen by the devices: %,d (%.0f/s, expected %d/s)%n", requests, requests / ((t1 - t0) / 1000), devices);
            if (j.length > 0) {
                System.out.printf("  poll-start jitter |gap - 1 s|: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d gaps)%n",
                        pct(j, 50), pct(j, 99), j[j.length - 1], j.length);
            }
            System.out.printf("  taskhost CPU: %.1f %% of one core%n", (cpu1 - cpu0) / 1e6 / (t1 - t0) * 100);
            System.out.printf("  taskhost heap: %s%n", heap);
            taskhost.send("stop 0");
        } finally {
            sim.destroyForcibly();
            sim.waitFor();
        }
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String heap(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid),
                    "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            Matcher m = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(out);
            return m.find() ? String.format("%d MiB used of %d MiB committed", Long.parseLong(m.group(2)) / 1024,
                    Long.parseLong(m.group(1)) / 1024) : Arrays.toString(out.split("\n"));
        } catch (Exception e) {
            return "jcmd failed: " + e.getMessage();
        }
    }
}
