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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many devices polled at once: the launched taskhost (fresh data directory, no samples) gets N virtual devices with P
 * ramp points each at a 1 s interval over REST, runs for a warm-up, then for S seconds. Each point value carries the
 * time the virtual driver read it, which is when its poll started; from the history of each device's first point it
 * prints the period jitter |period - 1 s| (p50, p99, max), how the polls spread over the second (the most devices that
 * poll within any 50 ms), the taskhost's CPU over the measurement and its RSS.
 *
 * <p>Arguments: top folder, devices (200), points per device (10), seconds (30).
 */
public final class DevicePollBench {

    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;

    private DevicePollBench(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port + "/api/v1/");
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int points = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int port = ShellSession.freePort();
        Path data = Files.createTempDirectory("devbench-data");
        Map<String, String> env = new HashMap<>(ShellSession.caOnLoopback(ShellSession.freePort()));
        env.putAll(Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_PORT", String.valueOf(port), "TASKHOST_SAMPLES", "false"));
        try (ShellSession taskhost = new ShellSession(top, env)) {
            taskhost.await("[loader] ready", 0, 120);
            DevicePollBench b = new DevicePollBench(port, Files.readString(data.resolve("admin.token")).trim());
            b.run(taskhost.process, devices, points, seconds);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void run(Process server, int devices, int points, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (send("GET", "devices", null).statusCode() != 200 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        for (int d = 0; d < devices; d++) {
            StringBuilder pts = new StringBuilder();
            for (int p = 0; p < points; p++) {
                pts.append(p == 0 ? "" : ",").append("{\"id\":\"p").append(p).append("\",\"address\":\"ramp:0:1000000:1\"}");
            }
            HttpResponse<String> r = send("POST", "devices", "{\"id\":\"dev" + d + "\",\"driver\":\"virtual\",\"poll_interval\":1.0,"
                    + "\"points\":[" + pts + "]}");
            if (r.statusCode() != 201) {
                throw new IllegalStateException("device dev" + d + ": " + r.statusCode() + " " + r.body());
            }
        }
        Thread.sleep(10_000);
        ProcessHandle h = server.toHandle();
        long cpu0 = h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        Instant from = Instant.now();
        Thread.sleep(seconds * 1000L);
        long cpu = h.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) - cpu0;
        Instant to = Instant.now();
        List<Long> jitter = new ArrayList<>();
        long[] phaseCounts = new long[1000];
        for (int d = 0; d < devices; d++) {
            List<Instant> polls = new ArrayList<>();
            Matcher m = TIMESTAMP.matcher(send("GET", "devices/dev" + d + "/points/p0", null).body());
            while (m.find()) {
                polls.add(Instant.parse(m.group(1)));
            }
            polls.removeIf(t -> t.isBefore(from) || t.isAfter(to));
            Collections.sort(polls);
            for (int i = 1; i < polls.size(); i++) {
                jitter.add(Math.abs(Duration.between(polls.get(i - 1), polls.get(i)).toNanos() - 1_000_000_000L));
            }
            if (!polls.isEmpty()) {
                phaseCounts[(int) (polls.get(polls.size() - 1).toEpochMilli() % 1000)]++;
            }
        }
        Collections.sort(jitter);
        long busiest = 0;
        for (int start = 0; start < 1000; start++) {
            long n = 0;
            for (int i = 0; i < 50; i++) {
                n += phaseCounts[(start + i) % 1000];
            }
            busiest = Math.max(busiest, n);
        }
        System.out.printf("%d devices x %d points at 1 s, %d s: %d periods; jitter |period - 1 s| p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                + " most polls starting within 50 ms: %d (even spread: %.0f)%n", devices, points, seconds, jitter.size(),
                pct(jitter, 0.5), pct(jitter, 0.99), jitter.isEmpty() ? 0 : jitter.get(jitter.size() - 1) / 1e6, busiest, devices * 0.05);
        System.out.printf("taskhost CPU %.1f %% of one core; RSS %s%n", 100.0 * cpu / Duration.between(from, to).toNanos(), rss(server));
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (p * sorted.size()))) / 1e6;
    }

    private static String rss(Process p) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS ?").replaceAll("VmRSS:\\s+", "").replaceAll("\\s+", " ");
    }
}
