package org.taskhost.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of launcher/etc in a new folder, for a test that changes a setting there (TASKHOST_ETC names the folder). */
final class EtcCopy {

    private EtcCopy() {
    }

    static Path of(Path into) throws IOException {
        Path etc = Files.createDirectories(into);
        try (Stream<Path> files = Files.list(TaskhostProcess.TOP.resolve("launcher/etc"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, etc.resolve(f.getFileName()));
            }
        }
        return etc;
    }
}
