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

    TaskhostProcess(Map<String, String> env) throws IOException {
        output = Files.createTempFile("taskhost-e2e", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", TOP.resolve("bin/taskhost").toString())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        process = pb.start();
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
