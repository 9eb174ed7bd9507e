package org.taskhost.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** taskhost started as a user starts it, {@code bin/taskhost}, without a terminal; its output is collected line by line. */
final class TaskhostProcess implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final Path TOP = Path.of(System.getProperty("user.dir")).getParent();

    private final Process process;
    private final Path output;
    private final boolean console;
    /** The Channel Access server's port: a free one, with beacons kept on the loopback, unless the test chose. */
    final int caPort;

    TaskhostProcess(Map<String, String> env) throws IOException {
        this(List.of("bash", TOP.resolve("bin/taskhost").toString()), null, env);
    }

    /** Starts another command line, for example {@code java -jar launcher/target/taskhost.jar}, in a directory (null: this one). */
    TaskhostProcess(List<String> command, Path directory, Map<String, String> env) throws IOException {
        output = Files.createTempFile("taskhost-e2e", ".log");
        console = "stdin".equals(env.get("TASKHOST_CONSOLE"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.redirectInput(console ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        if (!env.containsKey("EPICS_CAS_SERVER_PORT")) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                pb.environment().put("EPICS_CAS_SERVER_PORT", String.valueOf(free.getLocalPort()));
            }
        }
        caPort = pb.environment().get("EPICS_CAS_SERVER_PORT").matches("\\d{1,5}") ? Integer.parseInt(pb.environment().get("EPICS_CAS_SERVER_PORT")) : -1;
        pb.environment().putIfAbsent("EPICS_CAS_BEACON_ADDR_LIST", "127.0.0.1");
        pb.environment().putIfAbsent("EPICS_CAS_AUTO_BEACON_ADDR_LIST", "NO");
        pb.environment().putIfAbsent("EPICS_CAS_BEACON_PORT", String.valueOf(Math.max(caPort, 0) + 1));
        if (!env.containsKey("TASKHOST_PORT")) {
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                pb.environment().put("TASKHOST_PORT", String.valueOf(free.getLocalPort()));
            }
        }
        process = pb.start();
    }

    /** Types a shell command (with TASKHOST_CONSOLE=stdin). */
    void send(String command) throws IOException {
        if (!console) {
            throw new IllegalStateException("start with TASKHOST_CONSOLE=stdin to send commands");
        }
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** Waits until the taskhost commands answer (the shell is up before they are), typing the harmless list. */
    void awaitShell() throws IOException, InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            int from = complete();
            send("taskhost:list");
            long retry = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < retry) {
                List<String> now = lines();
                if (now.subList(Math.min(from, now.size()), now.size()).stream()
                        .anyMatch(l -> l.contains("no plugins") || l.contains("NAME ") && l.contains("STATUS"))) {
                    return;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the taskhost commands never answered; output:\n" + String.join("\n", lines()));
    }

    /** Types a command once the shell is ready, and waits for a line that answers it. */
    String command(String command, String what, Predicate<String> answer) throws IOException, InterruptedException {
        awaitShell();
        int from = complete();
        send(command);
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end && process.isAlive()) {
            List<String> now = lines();
            for (String l : now.subList(Math.min(from, now.size()), now.size())) {
                if (answer.test(l)) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer " + what + " to '" + command + "'; output:\n" + String.join("\n", lines()));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The process id: the JVM's own, as bin/taskhost execs java. */
    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook, no cleanup. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits until a line matches, failing with the whole output if none does before the deadline or the process ends. */
    String awaitLine(String what, Predicate<String> match) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end) {
            for (String l : lines()) {
                if (match.test(l)) {
                    return l;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line " + what + " (alive=" + process.isAlive() + (process.isAlive() ? "" : ", exit " + process.exitValue())
                + "); output:\n" + String.join("\n", lines()));
    }

    /** Sends SIGTERM and waits for the exit. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("taskhost did not exit after SIGTERM; output:\n" + String.join("\n", lines()));
        }
        return process.exitValue();
    }

    /**
     * The number of lines before which output is final: the prompt ("taskhost> ") has no newline, and what is
     * printed next completes that same line, so the last line is never counted as done.
     */
    private int complete() {
        return Math.max(0, lines().size() - 1);
    }

    /** The output so far, line by line. */
    List<String> lines() {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }
}
