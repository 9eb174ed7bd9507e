package org.taskhost.loader.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** iocmng's {@code local_path}: a plugin in a folder on this machine; its "commit" is a hash of its files. */
final class LocalPluginSource {

    private LocalPluginSource() {
    }

    static FetchedSource fetch(String localPath, String path) throws BuildProblem {
        Path root = Path.of(localPath);
        if (!root.isAbsolute() || !Files.isDirectory(root)) {
            throw new BuildProblem("local_path '" + localPath + "' is not an absolute path to a folder");
        }
        Path dir = SafePaths.resolve(root, path, "path");
        return new FetchedSource(root, dir, "local-" + hash(dir));
    }

    static String hash(Path dir) throws BuildProblem {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).sorted().toList();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                md.update(dir.relativize(f).toString().getBytes());
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new BuildProblem("cannot read '" + dir + "': " + e.getMessage());
        }
    }

}
