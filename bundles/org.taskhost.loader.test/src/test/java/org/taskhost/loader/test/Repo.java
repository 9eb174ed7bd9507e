package org.taskhost.loader.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A git repository made with the git command line inside the test framework, served as file://. */
final class Repo {

    final Path dir;

    Repo(String name) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("loader-it-" + name);
        run("init", "-q", "-b", "main");
        run("config", "user.email", "it@taskhost");
        run("config", "user.name", "it");
    }

    String url() {
        return dir.toUri().toString();
    }

    /** Writes files (path, content pairs), commits them, and returns the commit SHA. */
    String commit(String... files) throws IOException, InterruptedException {
        for (int i = 0; i < files.length; i += 2) {
            Path f = dir.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1], StandardCharsets.UTF_8);
        }
        run("add", "-A");
        run("commit", "-q", "-m", "change");
        return run("rev-parse", "HEAD").trim();
    }

    private String run(String... args) throws IOException, InterruptedException {
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
