package org.taskhost.bench;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A mosquitto broker of its own on a free loopback port, with the configuration of shared/peers.md, stopped by its pid;
 * {@code -Dmqtt.nodelay=true} adds {@code set_tcp_nodelay true} (mosquitto leaves Nagle's algorithm on by default);
 * {@code -Dmqtt.tls=true} adds a TLS listener with a self-signed certificate for 127.0.0.1 (taskhost connects there, the
 * harness's own clients stay on the plain one).
 */
final class Mosquitto implements AutoCloseable {

    final int port;
    final Process process;
    /** the TLS listener's port, or 0 */
    final int tlsPort;
    /** a PKCS12 trust store holding the TLS listener's certificate (password {@value #TRUST_PASSWORD}), or null */
    final Path trustStore;
    static final String TRUST_PASSWORD = "bench-trust";

    Mosquitto() throws Exception {
        port = ShellSession.freePort();
        Path dir = Files.createTempDirectory("bench-mosquitto");
        String tls = "";
        if (Boolean.getBoolean("mqtt.tls")) {
            run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
            run(dir, "keytool", "-importcert", "-noprompt", "-alias", "broker", "-file", "cert.pem", "-keystore", "trust.p12",
                    "-storetype", "PKCS12", "-storepass", TRUST_PASSWORD);
            tlsPort = ShellSession.freePort();
            trustStore = dir.resolve("trust.p12");
            tls = "listener %d 127.0.0.1\ncertfile %s\nkeyfile %s\n".formatted(tlsPort, dir.resolve("cert.pem"), dir.resolve("key.pem"));
        } else {
            tlsPort = 0;
            trustStore = null;
        }
        Files.writeString(dir.resolve("mosquitto.conf"), """
                per_listener_settings false
                listener %d 127.0.0.1
                allow_anonymous true
                persistence true
                persistence_location %s/
                user root
                max_queued_messages 100000
                log_dest stderr
                """.formatted(port, dir) + (Boolean.getBoolean("mqtt.nodelay") ? "set_tcp_nodelay true\n" : "") + tls);
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

    /** @return where taskhost connects: the TLS listener if there is one */
    String taskhostUrl() {
        return tlsPort == 0 ? url() : "ssl://127.0.0.1:" + tlsPort;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
