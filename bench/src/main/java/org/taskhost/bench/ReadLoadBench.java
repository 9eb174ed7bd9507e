package org.taskhost.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Reads under adds and removes: the launched taskhost (fresh data directory, the four samples, free ports) answers
 * {@code GET /api/v1/plugins} to N reader threads in a closed loop (no pause between reads) while one writer adds a
 * small plugin ({@code POST /api/v1/plugins} with {@code local_path}, a copy of plugins-sample/scaler) and removes it
 * again ({@code DELETE /api/v1/plugins/{name}}), for a fixed time after a warm-up. Prints the reads' latency
 * percentiles and every error by kind; a read is an error unless it answers 200 with a JSON body.
 *
 * <p>Arguments: top folder, seconds (default 20, or {@code -Dreads.seconds}), readers (default 50, or
 * {@code -Dreads.clients}); {@code -Dwarmup.s} (default 5) of the same load, not counted, before the measurement;
 * {@code -Dreads.rate} reads per second in all, paced (open loop), instead of the closed loop (0, the default).
 */
public final class ReadLoadBench {

    private static final String NAME = "readload";

    private final HttpClient readers = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient writer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;
    /** Reads and writes are counted from this instant (System.nanoTime) until {@link #stop}. */
    private volatile long start = Long.MAX_VALUE;
    private volatile boolean stop;
    private final Map<String, LongAdder> readErrors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> writeErrors = new ConcurrentHashMap<>();

    private ReadLoadBench(int port, String token) {
        this.base = URI.create("http://127.0.0.1:" + port + "/api/v1/");
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("reads.seconds", 20);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : Integer.getInteger("reads.clients", 50);
        int warmup = Integer.getInteger("warmup.s", 5);
        int port = ShellSession.freePort();
        Path data = Files.createTempDirectory("readbench-data");
        Map<String, String> env = new HashMap<>(ShellSession.caOnLoopback(ShellSession.freePort()));
        env.putAll(Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_PORT", String.valueOf(port)));
        try (ShellSession taskhost = new ShellSession(top, env)) {
            taskhost.await("REST API admin token", 0, 60);
            for (String ready : ColdStartBench.READY) {
                taskhost.await(ready, 0, 120);
            }
            ReadLoadBench b = new ReadLoadBench(port, Files.readString(data.resolve("admin.token")).trim());
            b.awaitReady();
            b.run(top, taskhost.process.toHandle(), seconds, clients, warmup);
        }
    }

    /** Until the REST API answers the list (it answers 503 while the loader restores plugins). */
    private void awaitReady() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            try {
                if (readers.send(get(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("GET /api/v1/plugins never answered 200");
    }

    private void run(Path top, ProcessHandle server, int seconds, int clients, int warmup) throws Exception {
        int rate = Integer.getInteger("reads.rate", 0);
        Path plugin = Files.createTempDirectory("readbench-plugin");
        try (Stream<Path> files = Files.list(top.resolve("plugins-sample/scaler"))) {
            for (Path f : files.toList()) {
                Files.copy(f, plugin.resolve(f.getFileName()));
            }
        }
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[][] mine = {new long[4096]};
            int[] n = {0};
            threads.add(Thread.ofPlatform().name("reader-" + i).start(() -> {
                read(mine, n, rate > 0 ? (long) (1e9 * clients / rate) : 0);
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(mine[0], n[0]));
                }
            }));
        }
        long[] adds = {0, 0};
        List<Long> cycles = new ArrayList<>();
        // -Dreads.writer=false: the same reads without adds and removes, to tell the read path from the CPU the adds take
        Thread w = Thread.ofPlatform().name("writer").start(() -> {
            if (Boolean.parseBoolean(System.getProperty("reads.writer", "true"))) {
                write(plugin, adds, cycles);
            }
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
        long[] cpu0 = cpu(server);
        long t0 = System.nanoTime();
        start = t0;
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        long t1 = System.nanoTime();
        stop = true;
        long[] cpu1 = cpu(server);
        for (Thread t : threads) {
            t.join();
        }
        w.join();
        double wall = (t1 - t0) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long errors = readErrors.values().stream().mapToLong(LongAdder::sum).sum();
        long answered = all.length;
        long total = answered + readErrors.entrySet().stream().filter(e -> e.getKey().startsWith("no answer"))
                .mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("machine: %d cores, %s %s (%s), %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), LocalDate.now());
        System.out.printf("load: %d readers %s on GET /api/v1/plugins (4 samples + 0-1 added), 1 writer adding and removing '%s'"
                + " (local_path, a copy of plugins-sample/scaler); %d s measured after %d s of warm-up%n", clients,
                rate > 0 ? "sending " + rate + " reads/s in all (open loop, latency from each read's planned time)" : "in a closed loop",
                NAME, seconds, warmup);
        System.out.printf("reads: %d in %.1f s, %.0f reads/s; latency p50 %s, p90 %s, p99 %s, max %s%n", total, wall, total / wall,
                ms(pct(all, 50)), ms(pct(all, 90)), ms(pct(all, 99)), ms(all.length == 0 ? 0 : all[all.length - 1]));
        System.out.printf("read errors: %d of %d (%.2f %%)%s%n", errors, total, total == 0 ? 0.0 : 100.0 * errors / total, errors == 0 ? "" : ":");
        print(readErrors);
        long[] c = cycles.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("writes: %d adds and %d removes completed (add+remove cycle p50 %s, max %s)%n", adds[0], adds[1],
                ms(pct(c, 50)), ms(c.length == 0 ? 0 : c[c.length - 1]));
        long writeFailures = writeErrors.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.printf("write errors: %d%s%n", writeFailures, writeFailures == 0 ? "" : ":");
        print(writeErrors);
        double cores = Runtime.getRuntime().availableProcessors() * wall;
        System.out.printf("CPU over the measurement (%.0f core-s in all): taskhost %.1f core-s (%.0f %%), this JVM (readers, writer) %.1f core-s (%.0f %%)%s%n",
                cores, (cpu1[0] - cpu0[0]) / 1e9, 100 * (cpu1[0] - cpu0[0]) / 1e9 / cores, (cpu1[1] - cpu0[1]) / 1e9,
                100 * (cpu1[1] - cpu0[1]) / 1e9 / cores, cpu0[2] < 0 || cpu1[2] < 0 ? "" : String.format(
                        ", the whole machine busy %.1f core-s (%.0f %%): other processes %.1f core-s", (cpu1[2] - cpu0[2]) / 1e9,
                        100 * (cpu1[2] - cpu0[2]) / 1e9 / cores, (cpu1[2] - cpu0[2] - (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1])) / 1e9));
    }

    /** One reader: GET in a loop; a read started within the measurement is counted (its latency, or its error). */
    private void read(long[][] latencies, int[] n, long intervalNanos) {
        HttpRequest request = get();
        long next = System.nanoTime() + java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1, intervalNanos));
        while (!stop) {
            if (intervalNanos > 0) {
                // open loop: each read has its time; a late answer delays no later read's clock (no coordinated omission)
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
            }
            long t = intervalNanos > 0 ? next : System.nanoTime();
            next += intervalNanos;
            boolean counted = t >= start;
            String error;
            try {
                HttpResponse<String> r = readers.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t;
                if (counted) {
                    if (n[0] == latencies[0].length) {
                        latencies[0] = Arrays.copyOf(latencies[0], n[0] * 2);
                    }
                    latencies[0][n[0]++] = took;
                }
                error = r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").contains("json")
                        || !Json.isObjectWith(r.body(), "plugins") ? kind(r) : null;
            } catch (IOException e) {
                error = "no answer: " + e;
            } catch (InterruptedException e) {
                return;
            }
            if (counted && error != null) {
                readErrors.computeIfAbsent(error, k -> new LongAdder()).increment();
            }
        }
    }

    /** The writer: add, remove, again; counts what completed within the measurement. */
    private void write(Path plugin, long[] done, List<Long> cycles) {
        String body = "{\"name\":\"" + NAME + "\",\"local_path\":\"" + plugin.toString().replace("\\", "\\\\") + "\"}";
        HttpRequest add = HttpRequest.newBuilder(base.resolve("plugins")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpRequest remove = HttpRequest.newBuilder(base.resolve("plugins/" + NAME)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).DELETE().build();
        while (!stop) {
            long t = System.nanoTime();
            boolean counted = t >= start;
            boolean added = send(add, 201, counted);
            if (added && counted) {
                done[0]++;
            }
            boolean removed = send(remove, 200, counted);
            if (removed && counted) {
                done[1]++;
                if (added) {
                    cycles.add(System.nanoTime() - t);
                }
            }
            if (!added && !removed) {
                try {
                    Thread.sleep(100); // do not spin on a refusal
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean send(HttpRequest request, int expected, boolean counted) {
        String error;
        try {
            HttpResponse<String> r = writer.send(request, HttpResponse.BodyHandlers.ofString());
            error = r.statusCode() == expected ? null : request.method() + " " + kind(r);
        } catch (IOException e) {
            error = request.method() + " no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (counted && error != null) {
            writeErrors.computeIfAbsent(error, k -> new LongAdder()).increment();
        }
        return error == null;
    }

    /** CPU time in ns: of the taskhost, of this JVM, and of the whole machine (busy, from /proc/stat; -1 if not there). */
    private static long[] cpu(ProcessHandle server) {
        long machine = -1;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]); // all but idle and iowait
            }
            machine = busy * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new long[] {server.info().totalCpuDuration().map(Duration::toNanos).orElse(0L),
                ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L), machine};
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(base.resolve("plugins")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    /** Status, content type, the first 80 characters of the body, and an HTML page's title (Jetty's error pages all begin alike). */
    private static String kind(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body().replaceAll("\\s+", " ").strip();
        java.util.regex.Matcher title = java.util.regex.Pattern.compile("<title>(.*?)</title>").matcher(body);
        return r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse("(no type)").replaceAll(";.*", "") + " "
                + (body.length() > 80 ? body.substring(0, 80) + "..." : body) + (title.find() ? " [title: " + title.group(1) + "]" : "");
    }

    private static void print(Map<String, LongAdder> errors) {
        new TreeMap<>(errors).entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .forEach(e -> System.out.printf("  %6d x %s%n", e.getValue().sum(), e.getKey()));
    }

    /** Nearest-rank percentile of sorted values. */
    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    /** A strict JSON syntax check (RFC 8259), without a JSON library on the class path. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        /** True if the text is one JSON object that has the key at its top level. */
        static boolean isObjectWith(String text, String key) {
            if (text == null) {
                return false;
            }
            Json j = new Json(text);
            try {
                j.ws();
                if (j.peek() != '{') {
                    return false;
                }
                boolean has = j.object(key);
                j.ws();
                return has && j.i == text.length();
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return false;
            }
        }

        private char peek() {
            return s.charAt(i);
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
            }
        }

        private void value() {
            ws();
            switch (peek()) {
                case '{' -> object(null);
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> number();
            }
            ws();
        }

        /** @return whether the object has {@code key} */
        private boolean object(String key) {
            boolean has = false;
            expect('{');
            ws();
            if (peek() == '}') {
                i++;
                return false;
            }
            while (true) {
                ws();
                has |= string().equals(key);
                ws();
                expect(':');
                value();
                if (peek() == ',') {
                    i++;
                } else {
                    expect('}');
                    return has;
                }
            }
        }

        private void array() {
            expect('[');
            ws();
            if (peek() == ']') {
                i++;
                return;
            }
            while (true) {
                value();
                if (peek() == ',') {
                    i++;
                } else {
                    expect(']');
                    return;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                } else if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                        throw new IllegalArgumentException("bad escape at " + (i - 1));
                    } else {
                        b.append(e);
                    }
                } else if (c < 0x20) {
                    throw new IllegalArgumentException("control character at " + (i - 1));
                } else {
                    b.append(c);
                }
            }
        }

        private void literal(String word) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException("bad literal at " + i);
            }
            i += word.length();
        }

        private void number() {
            int from = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (!s.substring(from, i).matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw new IllegalArgumentException("bad number at " + from);
            }
        }
    }
}
