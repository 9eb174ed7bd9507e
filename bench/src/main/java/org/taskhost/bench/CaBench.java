package org.taskhost.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Channel Access figures of the launched taskhost, measured with EPICS base's libca (pyepics on /usr/bin/python3):
 * monitor updates per second a client receives, the time from a put to the plugin having handled it (put with
 * callback), and 10,000 PVs read with {@code caget_many}, with the server's resident memory.
 */
public final class CaBench {

    private final ShellSession shell;
    private final int port;

    CaBench(Path top) throws IOException {
        port = ShellSession.freePort();
        Map<String, String> env = new java.util.HashMap<>(ShellSession.caOnLoopback(port));
        env.put("TASKHOST_SAMPLES", "false");
        env.put("TASKHOST_DATA", Files.createTempDirectory("cabench-data").toString());
        shell = new ShellSession(top, env);
    }

    public static void main(String[] args) throws Exception {
        CaBench b = new CaBench(Path.of(args[0]));
        try {
            b.shell.await("[loader] ready", 0, 60);
            b.shell.awaitCommands();
            b.add("flood", """
                    import org.taskhost.api.TaskBase;
                    public class Flood extends TaskBase {
                        private double n;
                        public void initialize() { }
                        public void execute() {
                            for (int i = 0; i < 500; i++) pv("VALUE").set(++n);
                            for (int k = 0; k < 10; k++) for (int i = 0; i < 100; i++) pv("V" + k).set(n + i);
                        }
                        public void cleanup() { }
                    }
                    """, "parameters:\n  interval: 0.01\npvs:\n  outputs:\n    VALUE: {type: float}\n"
                    + java.util.stream.IntStream.range(0, 10).mapToObj(k -> "    V" + k + ": {type: float}\n").reduce("", String::concat));
            b.add("echo", """
                    import org.taskhost.api.TaskBase;
                    public class Echo extends TaskBase {
                        public void initialize() { }
                        public void execute() { }
                        public void cleanup() { }
                        public void onPut(String pv, Object value) { }
                    }
                    """, "parameters:\n  mode: triggered\npvs:\n  inputs:\n    IN: {type: float}\n");
            String before = b.rss();
            StringBuilder many = new StringBuilder("parameters:\n  mode: triggered\npvs:\n  outputs:\n");
            for (int i = 0; i < 10_000; i++) {
                many.append("    P").append(i).append(": {type: float, value: ").append(i).append("}\n");
            }
            b.add("many", """
                    import org.taskhost.api.TaskBase;
                    public class Many extends TaskBase {
                        public void initialize() { }
                        public void execute() { }
                        public void cleanup() { }
                    }
                    """, many.toString());
            System.out.print(b.python("""
                    import epics, time
                    n = [0]
                    c = [0]
                    ps = [epics.PV('BEAMLINE:DEFAULT:FLOOD:V%d' % i, auto_monitor=True, callback=lambda **kw: c.__setitem__(0, c[0] + 1)) for i in range(10)]
                    [q.wait_for_connection(10) for q in ps]
                    time.sleep(1)
                    c0, t0 = c[0], time.time()
                    time.sleep(5)
                    print('monitor: 10 PVs each set 10,000 times/s; the libca client received %.0f updates/s in all' % ((c[0] - c0) / (time.time() - t0)))
                    [q.clear_callbacks() for q in ps]
                    p = epics.PV('BEAMLINE:DEFAULT:FLOOD:VALUE', auto_monitor=True, callback=lambda **kw: n.__setitem__(0, n[0] + 1))
                    p.wait_for_connection(10)
                    time.sleep(1)
                    v0, n0, t0 = epics.caget('BEAMLINE:DEFAULT:FLOOD:VALUE', use_monitor=False), n[0], time.time()
                    time.sleep(5)
                    v1, n1, t1 = epics.caget('BEAMLINE:DEFAULT:FLOOD:VALUE', use_monitor=False), n[0], time.time()
                    print('monitor: plugin set VALUE %.0f times/s; the libca client received %.0f updates/s' % ((v1 - v0) / (t1 - t0), (n1 - n0) / (t1 - t0)))
                    epics.caput('BEAMLINE:DEFAULT:FLOOD:ENABLE', 0, wait=True)
                    """));
            b.python("import epics\nepics.caput('BEAMLINE:DEFAULT:FLOOD:ENABLE', 1, wait=True)\n");
            Path counter = cCounter(Path.of(args[0]));
            List<String> tenPvs = java.util.stream.IntStream.range(0, 10).mapToObj(i -> "BEAMLINE:DEFAULT:FLOOD:V" + i).toList();
            System.out.println("monitor: a C libca client (bench/c/ca_count.c) received " + b.count(counter, List.of("BEAMLINE:DEFAULT:FLOOD:VALUE"))
                    + " updates/s of the 1 PV set 50,000/s, and " + b.count(counter, tenPvs) + " updates/s of the 10 PVs set 10,000/s each");
            double total = 0;
            List<Process> watchers = new java.util.ArrayList<>();
            for (int half = 0; half < 2; half++) {
                watchers.add(b.start("""
                        import epics, time
                        c = [0]
                        ps = [epics.PV('BEAMLINE:DEFAULT:FLOOD:V%d' % i, auto_monitor=True,
                                       callback=lambda **kw: c.__setitem__(0, c[0] + 1)) for i in range(%d, 10, 2)]
                        [q.wait_for_connection(10) for q in ps]
                        time.sleep(1)
                        c0, t0 = c[0], time.time()
                        time.sleep(5)
                        print((c[0] - c0) / (time.time() - t0))
                        """.replace("%d, 10", half + ", 10")));
            }
            for (Process w : watchers) {
                total += Double.parseDouble(new String(w.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            }
            System.out.printf("monitor: the same 10 PVs watched by 2 client processes (5 each): %.0f updates/s in all%n", total);
            b.python("import epics\nepics.caput('BEAMLINE:DEFAULT:FLOOD:ENABLE', 0, wait=True)\n");
            System.out.print(b.python("""
                    import epics, time
                    p = epics.PV('BEAMLINE:DEFAULT:ECHO:IN')
                    p.wait_for_connection(10)
                    for i in range(200):
                        p.put(i, wait=True)
                    t = []
                    for i in range(2000):
                        s = time.perf_counter()
                        p.put(float(i), wait=True)
                        t.append((time.perf_counter() - s) * 1000)
                    t.sort()
                    print('put with callback until onPut returned (2000 puts): p50 %.2f ms, p99 %.2f ms, max %.2f ms' % (t[1000], t[1980], t[-1]))
                    """));
            System.out.print(b.python("""
                    import epics, time
                    names = ['BEAMLINE:DEFAULT:MANY:P%d' % i for i in range(10000)]
                    s = time.time(); v = epics.caget_many(names, timeout=60); cold = time.time() - s
                    s = time.time(); w = epics.caget_many(names, timeout=60); warm = time.time() - s
                    bad = sum(1 for i, x in enumerate(w) if x != i)
                    print('10,000 PVs: caget_many %.2f s cold, %.2f s warm; %d wrong values' % (cold, warm, bad))
                    """));
            // flood and echo serve 8 default PVs and one of their own each; many 8 and 10,000
            System.out.println("server RSS: " + before + " with 18 PVs; " + b.rss() + " with 10,026 PVs, after the reads"
                    + " (JVM options: " + System.getenv().getOrDefault("TASKHOST_JAVA_OPTS", "none") + ")");
        } finally {
            b.shell.close();
        }
    }

    private String rss() throws IOException {
        return Files.readAllLines(Path.of("/proc/" + shell.process.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS ?").replaceAll("VmRSS:\\s+", "").replaceAll("\\s+", " ");
    }

    private void add(String name, String source, String config) throws Exception {
        Path dir = Files.createTempDirectory("cabench-" + name);
        String cls = source.substring(source.indexOf("class ") + 6, source.indexOf(" extends"));
        Files.writeString(dir.resolve(cls + ".java"), source);
        Files.writeString(dir.resolve("config.yaml"), config);
        for (List<String> git : List.of(List.of("init", "-q", "-b", "main"), List.of("add", "-A"),
                List.of("-c", "user.email=b@t", "-c", "user.name=b", "commit", "-q", "-m", "bench"))) {
            List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
            cmd.addAll(git);
            if (new ProcessBuilder(cmd).inheritIO().start().waitFor() != 0) {
                throw new IOException("git " + git + " failed");
            }
        }
        shell.run("taskhost:add --name " + name + " " + dir.toUri(), "added " + name);
    }

    /** Compiles the C counter against the libca that python3-pyepics brings (Debian ships no CA headers). */
    private static Path cCounter(Path top) throws Exception {
        Path exe = Files.createTempDirectory("ca-count").resolve("ca_count");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-o", exe.toString(), top.resolve("bench/c/ca_count.c").toString(),
                "-l:libca.so.4.13.5", "-l:libCom.so.3.17.6").inheritIO().start();
        if (gcc.waitFor() != 0) {
            throw new IOException("gcc could not build bench/c/ca_count.c");
        }
        return exe;
    }

    private String count(Path counter, List<String> pvs) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(counter.toString(), "5"));
        cmd.addAll(pvs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Map.of("EPICS_CA_ADDR_LIST", "127.0.0.1", "EPICS_CA_AUTO_ADDR_LIST", "NO",
                "EPICS_CA_SERVER_PORT", String.valueOf(port), "EPICS_CA_REPEATER_PORT", String.valueOf(port + 1)));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private String python(String script) throws Exception {
        Process p = start(script);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(300, TimeUnit.SECONDS);
        return out;
    }

    /** A libca client script, started; its standard output is the result. */
    private Process start(String script) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", script).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Map.of("EPICS_CA_ADDR_LIST", "127.0.0.1", "EPICS_CA_AUTO_ADDR_LIST", "NO",
                "EPICS_CA_SERVER_PORT", String.valueOf(port), "EPICS_CA_REPEATER_PORT", String.valueOf(port + 1),
                "EPICS_CA_MAX_ARRAY_BYTES", "1000000"));
        return pb.start();
    }
}
