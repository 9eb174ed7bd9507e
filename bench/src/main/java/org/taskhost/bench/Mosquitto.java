package org.taskhost.bench;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A mosquitto broker of its own on a free loopback port, with the configuration of shared/peers.md, stopped by its pid;
 * {@code -Dmqtt.nodelay=true} adds {@code set_tcp_nodelay true} (mosquitto leaves Nagle's algorithm on by default).
 */
final class Mosquitto implements AutoCloseable {

    final int port;
    final Process process;

    Mosquitto() throws Exception {
        port = ShellSession.freePort();
        Path dir = Files.createTempDirectory("bench-mosquitto");
        Files.writeString(dir.resolve("mosquitto.conf"), """
                per_listener_settings false
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                user root
                max_queued_messages 100000
                log_dest stderr
                """.formatted(port, dir) + (Boolean.getBoolean("mqtt.nodelay") ? "set_tcp_nodelay true\n" : ""));
        String exe = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        process = new ProcessBuilder("setsid", exe, "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("broker.log").toFile()).redirectInput(new File("/dev/null")).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end && process.isAlive()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("mosquitto did not listen on " + port + ":\n" + Files.readString(dir.resolve("broker.log")));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
