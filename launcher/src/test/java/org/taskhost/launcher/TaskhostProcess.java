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

    TaskhostProcess(Map<String, String> env) throws IOException {
        output = Files.createTempFile("taskhost-e2e", ".log");
        console = "stdin".equals(env.get("TASKHOST_CONSOLE"));
        ProcessBuilder pb = new ProcessBuilder("bash", TOP.resolve("bin/taskhost").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.redirectInput(console ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
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

    /**
     * Types a command and waits for a line that answers it; types it again only when the shell did not know the
     * command yet (at startup the shell is up before the taskhost commands are).
     */
    String command(String command, String what, Predicate<String> answer) throws IOException, InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        int from = lines().size();
        send(command);
        while (System.nanoTime() < end && process.isAlive()) {
            List<String> now = lines();
            for (String l : now.subList(Math.min(from, now.size()), now.size())) {
                if (answer.test(l)) {
                    return l;
                }
                if (l.contains("CommandNotFoundException")) {
                    Thread.sleep(200);
                    from = lines().size();
                    send(command);
                    break;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer " + what + " to '" + command + "'; output:\n" + String.join("\n", lines()));
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
        throw new AssertionError("no line " + what + " (alive=" + process.isAlive() + "); output:\n" + String.join("\n", lines()));
    }

    /** Sends SIGTERM and waits for the exit. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("taskhost did not exit after SIGTERM; output:\n" + String.join("\n", lines()));
        }
        return process.exitValue();
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
