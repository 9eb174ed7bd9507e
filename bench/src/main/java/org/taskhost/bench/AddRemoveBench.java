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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the launched taskhost through its shell ({@code TASKHOST_CONSOLE=stdin}): the time from typing
 * {@code taskhost:add} of a one-class plugin in a local git repository until the plugin reports STATUS RUN (the first
 * add after start is "cold", the rest "warm"); then N add/remove cycles, reading loaded classes, metaspace and the
 * bundle count with jcmd and the shell before and after.
 */
public final class AddRemoveBench {

    private final ShellSession shell;

    AddRemoveBench(Path top, Path data) throws IOException {
        shell = new ShellSession(top, Map.of("TASKHOST_SAMPLES", "false", "TASKHOST_DATA", data.toString(),
                "TASKHOST_LOG_LEVEL", "info"));
    }

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int warm = Integer.parseInt(args[1]);
        int cycles = Integer.parseInt(args[2]);
        String url = repo();
        AddRemoveBench b = new AddRemoveBench(top, Files.createTempDirectory("addbench-data"));
        try {
            b.shell.await("[loader] ready", 0, 60);
            b.shell.awaitCommands();
            Thread.sleep(Long.getLong("warmup.ms", 0));
            List<Double> times = new ArrayList<>();
            for (int i = 0; i <= warm; i++) {
                times.add(b.addUntilRun("w" + i, url));
                b.shell.run("taskhost:remove w" + i, "removed w" + i);
            }
            double cold = times.remove(0);
            Collections.sort(times);
            System.out.printf("POST-to-RUN through the shell: cold (first add after start) %.0f ms; warm p50 %.0f ms, min %.0f ms, max %.0f ms (%d adds)%n",
                    cold, times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size());
            String before = b.footprint();
            long start = System.nanoTime();
            for (int i = 0; i < cycles; i++) {
                b.shell.run("taskhost:add --name c" + i + " " + url, "added c" + i);
                b.shell.run("taskhost:remove c" + i, "removed c" + i);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d add/remove cycles in %.1f s (%.0f ms per cycle)%n", cycles, seconds, seconds * 1000 / cycles);
            System.out.println("before: " + before);
            System.out.println("after:  " + b.footprint());
        } finally {
            b.shell.close();
        }
    }

    double addUntilRun(String name, String url) throws Exception {
        long t0 = System.nanoTime();
        int from = Math.max(0, shell.lines().size() - 1);
        shell.send("taskhost:add --name " + name + " " + url);
        shell.await("[" + name + "] STATUS RUN", from, 60);
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Loaded classes and metaspace (after a full GC, from jcmd) and the number of bundles (from the shell). */
    String footprint() throws Exception {
        String pid = String.valueOf(shell.process.children().findFirst().map(ProcessHandle::pid).orElse(shell.process.pid()));
        jcmd(pid, "GC.run");
        String classes = jcmd(pid, "VM.classloader_stats").lines().filter(l -> l.startsWith("Total")).findFirst().orElse("?");
        String meta = jcmd(pid, "VM.metaspace").lines().filter(l -> l.trim().startsWith("Both:")).findFirst().orElse("?").trim();
        int from = Math.max(0, shell.lines().size() - 1);
        shell.send("lb");
        shell.await("taskhost shell commands", from, 30);
        Thread.sleep(300);
        List<String> listed = shell.lines();
        long bundles = listed.subList(from, listed.size()).stream().filter(l -> l.matches("\\s*\\d+\\|.*")).count();
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
