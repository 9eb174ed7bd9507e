package org.taskhost.loader.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a user's relative path inside a root, refusing absolute paths, {@code ..} and symlinks that leave the root. */
final class SafePaths {

    private SafePaths() {
    }

    /**
     * @param root the repository or local folder
     * @param relative the user's {@code path}; empty for the root itself
     * @param field the request field, for the message
     * @return the real path of the folder, inside the root
     * @throws BuildProblem naming the field when the path is unsafe or missing
     */
    static Path resolve(Path root, String relative, String field) throws BuildProblem {
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.matches("^[A-Za-z]:.*")) {
            throw new BuildProblem(field + " '" + relative + "' must be relative to the repository");
        }
        for (String part : relative.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new BuildProblem(field + " '" + relative + "' must not contain '..'");
            }
        }
        try {
            Path realRoot = root.toRealPath();
            Path target = realRoot.resolve(relative).normalize();
            if (!Files.exists(target)) {
                throw new BuildProblem(field + " '" + relative + "' not found in the source");
            }
            Path real = target.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new BuildProblem(field + " '" + relative + "' leads outside the source through a symbolic link");
            }
            if (!Files.isDirectory(real)) {
                throw new BuildProblem(field + " '" + relative + "' is not a folder");
            }
            return real;
        } catch (IOException e) {
            throw new BuildProblem(field + " '" + relative + "': " + e.getMessage());
        }
    }

    /** @return whether a file inside the source is a symbolic link that leaves it */
    static boolean escapes(Path root, Path file) {
        try {
            return !file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return true;
        }
    }
}
