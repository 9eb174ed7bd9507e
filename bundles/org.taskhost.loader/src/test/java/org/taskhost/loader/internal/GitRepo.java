package org.taskhost.loader.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real git repository made with the git command line, for tests; served as a file:// URL. */
final class GitRepo {

    final Path dir;

    GitRepo(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir);
        git("init", "-q", "-b", "main");
        git("config", "user.email", "test@taskhost");
        git("config", "user.name", "taskhost test");
    }

    String url() {
        return dir.toUri().toString();
    }

    GitRepo write(String path, String content) throws IOException {
        Path f = dir.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return this;
    }

    GitRepo copy(Path from, String to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (f.toString().endsWith(".java") || f.getFileName().toString().equals("config.yaml")) {
                    write(to.isEmpty() ? f.getFileName().toString() : to + "/" + f.getFileName(), Files.readString(f));
                }
            }
        }
        return this;
    }

    String commit(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return git("rev-parse", "HEAD").trim();
    }

    String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
