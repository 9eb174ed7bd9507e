package org.taskhost.driver.bacnet.internal;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A simulated BACnet device: src/test/node/simdevice.js (node-bacnet, an independent stack) in its own process on
 * 127.0.0.1, started in its own session and stopped by its pid. Its HTTP control port shows its object table.
 */
public final class SimulatedDevice implements AutoCloseable {
    private static final Path NODE_DIR = locate();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final int port;
    public final int instance;
    public final int controlPort;
    private final List<String> flags;
    private final String clientAddress;
    private Process process;

    private SimulatedDevice(int port, int instance, String clientAddress, List<String> flags) throws IOException {
        this.port = port;
        this.instance = instance;
        this.controlPort = freeTcpPort();
        this.clientAddress = clientAddress;
        this.flags = flags;
    }

    /** Starts a device and waits until its control port answers. */
    public static SimulatedDevice start(int port, int instance, int clientPort, String... flags) throws Exception {
        SimulatedDevice device = new SimulatedDevice(port, instance, "127.0.0.1:" + clientPort, List.of(flags));
        device.start();
        return device;
    }

    /**
     * A UDP port free on the loopback now, never BACnet's 47808 (node-bacnet ignores requests from it): tests take their
     * ports this way, so that two builds on one machine do not collide.
     */
    public static int freeUdpPort() throws IOException {
        while (true) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                if (s.getLocalPort() != 47808) {
                    return s.getLocalPort();
                }
            }
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return "127.0.0.1:port", as a device's address is written in its definition */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public synchronized void start() throws Exception {
        List<String> command = new ArrayList<>(List.of("setsid", "node", "simdevice.js", "--port", String.valueOf(port),
                "--instance", String.valueOf(instance), "--control", String.valueOf(controlPort), "--client", clientAddress));
        command.addAll(flags);
        Path log = Files.createTempFile("simdevice-" + port + "-", ".log");
        process = new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectInput(new File("/dev/null"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("simulated device " + port + " exited: " + Files.readString(log));
            }
            try {
                objects();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("simulated device " + port + " did not start: " + Files.readString(log));
    }

    /** Kills the process by its pid and waits for it to be gone. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /** The device's objects by name ("analog-input:0"), each with name, presentValue (an array), units, priorityArray. */
    public JsonNode objects() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + controlPort + "/objects")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("control port answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Changes a present value in the device, as a sensor would. */
    public void set(String object, double value) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controlPort + "/set?object=" + object
                + "&value=" + value)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static Path locate() {
        for (Path p : List.of(Path.of("src/test/node"), Path.of("bundles/org.taskhost.driver.bacnet/src/test/node"),
                Path.of("../bundles/org.taskhost.driver.bacnet/src/test/node"))) {
            if (Files.isRegularFile(p.resolve("simdevice.js"))) {
                if (!Files.isDirectory(p.resolve("node_modules/node-bacnet"))) {
                    throw new IllegalStateException("run 'npm ci' in " + p.toAbsolutePath() + " (.ci/run does)");
                }
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("simdevice.js not found from " + Path.of("").toAbsolutePath());
    }
}
