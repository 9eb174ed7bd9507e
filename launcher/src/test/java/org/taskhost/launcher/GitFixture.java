package org.taskhost.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A plugin repository made with the git command line, for the end-to-end tests. */
final class GitFixture {

    final Path dir;

    GitFixture() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("e2e-repo");
        git("init", "-q", "-b", "main");
        git("config", "user.email", "e2e@taskhost");
        git("config", "user.name", "e2e");
    }

    String url() {
        return dir.toUri().toString();
    }

    /** A task that logs "tick <label> <greeting>" every 0.2 s; initialize() takes {@code initMillis}. */
    String commitTask(String label, long initMillis) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("Ticker.java"), """
                import org.taskhost.api.TaskBase;
                public class Ticker extends TaskBase {
                    public void initialize() throws Exception { Thread.sleep(%d); }
                    public void execute() {
                        logger().log(System.Logger.Level.INFO, "tick %s " + parameters().getString("greeting", "none"));
                    }
                    public void cleanup() { }
                }
                """.formatted(initMillis, label), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("config.yaml"), "parameters:\n  interval: 0.2\n  init_timeout: 30\n");
        git("add", "-A");
        git("commit", "-q", "-m", label);
        return git("rev-parse", "HEAD").trim();
    }

    /** Writes a file of the work tree (committed by {@link #commitAll()}). */
    GitFixture write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        return this;
    }

    /** Commits whatever is in the work tree; returns the file:// URL. */
    String commitAll() throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "-m", "files");
        return url();
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
