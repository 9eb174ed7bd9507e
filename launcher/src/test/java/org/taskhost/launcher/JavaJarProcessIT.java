package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * End to end: {@code java -jar launcher/target/taskhost.jar} started directly, as a container or a systemd unit
 * starts it (no bin/taskhost), from a folder outside the repository, with standard input from /dev/null.
 */
class JavaJarProcessIT {

    static final Path JAR = TaskhostProcess.TOP.resolve("launcher/target/taskhost.jar");
    static final Path SAMPLES = real(TaskhostProcess.TOP).resolve("plugins-sample");
    static final Path ETC = real(TaskhostProcess.TOP).resolve("launcher/etc");

    @Test
    void javaDashJarHonoursTaskhostPortFindsTheSamplesStaysUpWithoutStdinAndExitsZeroOnSigterm() throws Exception {
        assertThat(JAR).isRegularFile();
        Path elsewhere = Files.createTempDirectory("java-jar-cwd");
        Path data = Files.createTempDirectory("java-jar-data");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString());
        HttpTaskhost th = HttpTaskhost.start(command, elsewhere, Map.of(), data);
        TaskhostProcess process = th.process;
        try {
            int port = URI.create(th.base).getPort();
            assertThat(port).isNotEqualTo(8080);
            // what the boot bundle set, and what Jetty and Gogo made of it
            process.awaitLine("the boot settings", l -> l.contains("[boot] settings: ")
                    && l.contains("org.osgi.service.http.port=" + port + ",")
                    && l.contains("gosh.args=--nointeractive --noshutdown,")
                    && l.contains("felix.cm.dir=" + data.resolve("config") + ",")
                    && l.contains("felix.fileinstall.dir=" + ETC + ",")
                    && l.contains("taskhost.samples.dir=" + SAMPLES + ","));
            process.awaitLine("Jetty on TASKHOST_PORT", l -> l.contains("Started Jetty") && l.contains("HTTP:" + port + " "));
            assertThat(process.lines()).noneMatch(l -> l.contains("Started Jetty") && l.contains("HTTP:8080"));
            assertThat(listeningPorts(process.pid())).as("TCP ports the JVM listens on").contains(port).doesNotContain(8080);
            assertThat(data.resolve("config")).isDirectory();
            assertThat(process.isAlive()).as("alive after the REST API answered, stdin at end of file").isTrue();

            JsonNode plugins = awaitPlugins(th, Set.of("diagnostics", "monitor", "pulse", "scaler"));
            List<String> names = new ArrayList<>();
            plugins.get("plugins").forEach(p -> {
                names.add(p.get("name").asText());
                assertThat(Path.of(p.get("local_path").asText())).as(p.get("name").asText() + "'s folder").startsWith(SAMPLES);
            });
            assertThat(names).containsExactlyInAnyOrder("diagnostics", "monitor", "pulse", "scaler");
            assertThat(process.isAlive()).as("still alive after the plugins were listed").isTrue();

            assertThat(process.terminate()).as("exit status after SIGTERM").isZero();
            assertThat(process.lines()).anyMatch(l -> l.contains("[monitor] Stopping monitor"))
                    .anyMatch(l -> l.contains("[scaler] Scaler stopped"));
        } finally {
            process.close();
        }
    }

    /** The boot bundle finds etc/ and the samples from the jar's real path. */
    static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GET /plugins until it lists every one of the names (the loader may still be adding them), with a deadline. */
    static JsonNode awaitPlugins(HttpTaskhost th, Set<String> expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long end = System.nanoTime() + TaskhostProcess.DEADLINE.toNanos();
        HttpResponse<String> last;
        do {
            last = th.get("/plugins");
            if (last.statusCode() == 200) {
                Set<String> names = new HashSet<>();
                json.readTree(last.body()).path("plugins").forEach(p -> names.add(p.path("name").asText()));
                if (names.containsAll(expected)) {
                    return json.readTree(last.body());
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        throw new AssertionError("GET /plugins never listed " + expected + "; last answer " + last.statusCode() + " " + last.body());
    }

    /** The TCP ports a process listens on: its socket inodes (/proc/PID/fd) matched against /proc/PID/net/tcp{,6}. */
    static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && "0A".equals(f[3]) && inodes.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }
}
