package org.taskhost.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The launched taskhost ({@code bin/taskhost}) with its shell on standard input, and its output line by line. */
final class ShellSession implements AutoCloseable {

    final Process process;
    private final Path log;
    private final OutputStream in;

    ShellSession(Path top, Map<String, String> env) throws IOException {
        log = Files.createTempFile("bench-shell", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", top.resolve("bin/taskhost").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("TASKHOST_CONSOLE", "stdin");
        pb.environment().putAll(env);
        process = pb.start();
        in = process.getOutputStream();
    }

    /** A TCP port nobody listens on at this moment. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The Channel Access server on {@code port} with its beacons on the loopback only (to port + 1): a run neither disturbs nor meets other servers. */
    static Map<String, String> caOnLoopback(int port) {
        return Map.of("EPICS_CAS_SERVER_PORT", String.valueOf(port), "EPICS_CAS_BEACON_ADDR_LIST", "127.0.0.1",
                "EPICS_CAS_AUTO_BEACON_ADDR_LIST", "NO", "EPICS_CAS_BEACON_PORT", String.valueOf(port + 1));
    }

    void send(String command) throws IOException {
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    List<String> lines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** Waits for a line holding {@code text} from line {@code from} on. */
    void await(String text, int from, int seconds) throws Exception {
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

    /** Types a command and waits for its answer. */
    void run(String command, String answer) throws Exception {
        int from = Math.max(0, lines().size() - 1);
        send(command);
        await(answer, from, 60);
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
    }
}
