package org.taskhost.launcher;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One simulated BACnet/IP device of the BACnet driver's tests (bundles/org.taskhost.driver.bacnet/src/test/node,
 * node-bacnet), in its own session on 127.0.0.1, stopped by its pid; its control port shows its objects.
 */
final class BacnetSimulator implements AutoCloseable {
    static final Path DIR = TaskhostProcess.TOP.resolve("bundles/org.taskhost.driver.bacnet/src/test/node");

    final int port;
    final int instance;
    private final int clientPort;
    private final int controlPort;
    private Process process;

    /** A device on a free UDP port, its control on a free TCP port. */
    BacnetSimulator(int instance, int clientPort) throws IOException {
        this.port = freeUdpPort();
        this.instance = instance;
        this.clientPort = clientPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            this.controlPort = s.getLocalPort();
        }
    }

    /**
     * A UDP port free on the loopback now, never BACnet's 47808 (node-bacnet ignores requests from it), so that two
     * builds on one machine do not collide.
     */
    static int freeUdpPort() throws IOException {
        while (true) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != 47808) {
                    return s.getLocalPort();
                }
            }
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    BacnetSimulator start() throws Exception {
        Path log = Files.createTempFile("bacnet-sim-" + port + "-", ".log");
        process = new ProcessBuilder("setsid", "node", "simdevice.js", "--port", String.valueOf(port), "--instance",
                String.valueOf(instance), "--control", String.valueOf(controlPort), "--client", "127.0.0.1:" + clientPort)
                .directory(DIR.toFile()).redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("simulated device " + port + " exited: " + Files.readString(log));
            }
            try {
                objects();
                return this;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("simulated device " + port + " did not start: " + Files.readString(log));
    }

    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> objects() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpTaskhost.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort
                + "/objects")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("control port answered " + r.statusCode());
        }
        return DevicesProcessIT.JSON.readValue(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String name) throws IOException, InterruptedException {
        return (Map<String, Object>) ((Map<String, Object>) objects().get("objects")).get(name);
    }

    void set(String object, double value) throws IOException, InterruptedException {
        HttpTaskhost.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + "/set?object="
                + object + "&value=" + value)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
