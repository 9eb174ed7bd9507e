package org.taskhost.loader.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.jgit.api.Git;

/**
 * Runs each stage of an add once on a throw-away plugin (git init and clone, compile, scan, package), so that the
 * first real add does not pay for loading and compiling javac, bndlib and JGit (about a second on a cold JVM).
 */
final class WarmUp {

    private static final String SOURCE = """
            public class WarmUp extends org.taskhost.api.TaskBase {
                public void initialize() { }
                public void execute() { }
                public void cleanup() { }
            }
            """;

    private WarmUp() {
    }

    /** @param go false once taskhost stops: the warm-up ends at its next stage */
    static void run(Path work, PluginBuilder builder, GitPluginSource git, BooleanSupplier go)
            throws IOException, BuildProblem, Exception {
        if (!go.getAsBoolean()) {
            return;
        }
        Path dir = Files.createTempDirectory(work, "warmup-");
        try {
            Path origin = Files.createDirectories(dir.resolve("origin"));
            Files.writeString(origin.resolve("WarmUp.java"), SOURCE);
            try (Git repo = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
                repo.add().addFilepattern(".").call();
                repo.commit().setMessage("warm-up").setAuthor("taskhost", "taskhost@localhost")
                        .setCommitter("taskhost", "taskhost@localhost").setSign(false).call();
            }
            if (!go.getAsBoolean()) {
                return;
            }
            FetchedSource source = git.fetch(origin.toUri().toString(), "main", "", null, dir.resolve("clone"));
            if (!go.getAsBoolean()) {
                return;
            }
            builder.build("warmup", source);
        } finally {
            PluginStore.deleteTree(dir);
        }
    }
}
