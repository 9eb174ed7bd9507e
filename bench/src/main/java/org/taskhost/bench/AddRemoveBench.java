package org.taskhost.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the launched taskhost through its shell ({@code TASKHOST_CONSOLE=stdin}): the time from typing
 * {@code taskhost:add} of a one-class plugin in a local git repository until the plugin reports STATUS RUN (the first
 * add after start is "cold", the rest "warm"); then N add/remove cycles, reading loaded classes, metaspace and the
 * bundle count with jcmd and the shell before and after.
 */
public final class AddRemoveBench {

    private final Process process;
    private final Path log;
    private final OutputStream in;

    AddRemoveBench(Path top, Path data) throws IOException {
        log = Files.createTempFile("addbench", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", top.resolve("bin/taskhost").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("TASKHOST_CONSOLE", "stdin");
        pb.environment().put("TASKHOST_SAMPLES", "false");
        pb.environment().put("TASKHOST_DATA", data.toString());
        pb.environment().put("TASKHOST_LOG_LEVEL", "info");
        process = pb.start();
        in = process.getOutputStream();
    }

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int warm = Integer.parseInt(args[1]);
        int cycles = Integer.parseInt(args[2]);
        String url = repo();
        AddRemoveBench b = new AddRemoveBench(top, Files.createTempDirectory("addbench-data"));
        try {
            b.await("[loader] ready", 0, 60);
            b.awaitCommands();
            Thread.sleep(Long.getLong("warmup.ms", 0));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i <= warm; i++) {
                times.add(b.addUntilRun("w" + i, url));
                b.run("taskhost:remove w" + i, "removed w" + i);
            }
            double cold = times.remove(0);
            Collections.sort(times);
            System.out.printf("POST-to-RUN through the shell: cold (first add after start) %.0f ms; warm p50 %.0f ms, min %.0f ms, max %.0f ms (%d adds)%n",
                    cold, times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size());
            String before = b.footprint();
            long start = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                b.run("taskhost:add --name c" + i + " " + url, "added c" + i);
                b.run("taskhost:remove c" + i, "removed c" + i);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d add/remove cycles in %.1f s (%.0f ms per cycle)%n", cycles, seconds, seconds * 1000 / cycles);
            System.out.println("before: " + before);
            System.out.println("after:  " + b.footprint());
        } finally {
            b.process.destroy();
            b.process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    double addUntilRun(String name, String url) throws Exception {
        long t0 = System.nanoTime();
        int from = Math.max(0, lines().size() - 1);
        send("taskhost:add --name " + name + " " + url);
        await("[" + name + "] STATUS RUN", from, 60);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The taskhost commands register a moment after the loader is ready: type a harmless one until it answers. */
    void awaitCommands() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            int from = Math.max(0, lines().size() - 1);
            send("taskhost:list");
            long retry = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < retry) {
                List<String> all = lines();
                if (all.subList(Math.min(from, all.size()), all.size()).stream().anyMatch(l -> l.contains("no plugins"))) {
                    return;
                }
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the taskhost commands never answered");
    }

    void run(String command, String answer) throws Exception {
        int from = Math.max(0, lines().size() - 1);
        send(command);
        await(answer, from, 60);
    }

    /** Loaded classes and metaspace (after a full GC, from jcmd) and the number of bundles (from the shell). */
    String footprint() throws Exception {
        String pid = String.valueOf(process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid()));
        jcmd(pid, "GC.run");
        String classes = jcmd(pid, "VM.classloader_stats").lines().filter(l -> l.startsWith("Total")).findFirst().orElse("?");
        String meta = jcmd(pid, "VM.metaspace").lines().filter(l -> l.trim().startsWith("Both:")).findFirst().orElse("?").trim();
        int from = Math.max(0, lines().size() - 1);
        send("lb");
        await("taskhost shell commands", from, 30);
        Thread.sleep(300);
        long bundles = lines().subList(from, lines().size()).stream().filter(l -> l.matches("\\s*\\d+\\|.*")).count();
        return "bundles=" + bundles + "; classloaders " + classes.trim().replaceAll("\\s+", " ") + "; metaspace " + meta.replaceAll("\\s+", " ");
    }

    private static String jcmd(String pid, String what) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), pid, what).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private void send(String command) throws IOException {
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private void await(String text, int from, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            List<String> now = lines();
            if (now.subList(Math.min(from, now.size()), now.size()).stream().anyMatch(l -> l.contains(text))) {
                return;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no '" + text + "' within " + seconds + " s:\n" + String.join("\n", lines()));
    }

    /** A local git repository with one small task. */
    private static String repo() throws Exception {
        Path dir = Files.createTempDirectory("addbench-repo");
        Files.writeString(dir.resolve("Bench.java"), """
                import org.taskhost.api.TaskBase;
                public class Bench extends TaskBase {
                    public void initialize() { }
                    public void execute() { pv("OUT").set(pv("OUT").getDouble() + 1); }
                    public void cleanup() { }
                }
                """);
        Files.writeString(dir.resolve("config.yaml"), "parameters:\n  interval: 1.0\npvs:\n  outputs:\n    OUT: {type: float}\n");
        for (String[] cmd : new String[][] {{"init", "-q", "-b", "main"}, {"-c", "user.email=b@t", "-c", "user.name=b", "add", "-A"},
                {"-c", "user.email=b@t", "-c", "user.name=b", "commit", "-q", "-m", "bench"}}) {
            List<String> c = new ArrayList<>(List.of("git", "-C", dir.toString()));
            c.addAll(List.of(cmd));
            new ProcessBuilder(c).redirectOutput(new File("/dev/null")).start().waitFor();
        }
        return dir.toUri().toString();
    }
}
