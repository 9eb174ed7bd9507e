package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The MQTT view against a real broker: mosquitto started by the test on a free loopback port (the configuration of
 * shared/peers.md), and mosquitto_sub as an independent subscriber.
 */
class MqttProcessIT {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final String ROOT = "th-e2e";

    @Test
    void statusAndPluginStatesReachTheBrokerWithBirthAndDeath() throws Exception {
        String node = "node" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        List<String> samples;
        try (Stream<Path> dirs = Files.list(TaskhostProcess.TOP.resolve("plugins-sample"))) {
            samples = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(samples).as("the sample plugins this test follows").hasSizeGreaterThanOrEqualTo(3);
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe(ROOT + "/#")) {
            Map<String, String> env = Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_MQTT_USERNAME", "e2e", "TASKHOST_MQTT_PASSWORD", "hunter2-secret");
            Path data = Files.createTempDirectory("e2e-mqtt");
            HttpTaskhost first = HttpTaskhost.start(env, data);
            String cleared = null;
            boolean killed = false;
            try {
                live.await("the online status", m -> m.topic().equals(base + "/status") && m.payload().contains("\"online\":true"));
                for (String name : samples) {
                    Message state = broker.awaitRetained(base + "/plugins/" + name + "/state",
                            m -> m.payload().contains("\"phase\":\"ready\""));
                    assertThat(state.payload()).contains("\"name\":\"" + name + "\"", "\"enabled\":true", "\"kind\":\"");
                }
                Message status = broker.awaitRetained(base + "/status", m -> m.payload().contains("\"online\":true"));
                assertThat(status.payload()).contains("\"version\":\"", "\"started_at\":\"");

                // the view of the connection, behind the REST API's authentication, without the password
                HttpResponse<String> mqtt = first.get("/mqtt");
                assertThat(mqtt.statusCode()).as(mqtt.body()).isEqualTo(200);
                assertThat(mqtt.body()).contains("\"connected\":true", "\"url\":\"" + broker.url() + "\"",
                        "\"status_topic\":\"" + base + "/status\"").doesNotContain("hunter2");
                assertThat(first.send("GET", "/mqtt", null, null).statusCode()).as("without a token").isEqualTo(401);

                // a change of state: disable
                String monitor = samples.contains("monitor") ? "monitor" : samples.get(0);
                String topic = base + "/plugins/" + monitor + "/state";
                int from = live.size();
                assertThat(first.post("/plugins/" + monitor + "/disable", "").statusCode()).isEqualTo(200);
                live.awaitAfter(from, "the disabled state", m -> m.topic().equals(topic) && m.payload().contains("\"enabled\":false"));
                assertThat(broker.awaitRetained(topic, m -> m.payload().contains("\"enabled\":false")).payload())
                        .contains("\"phase\":\"ready\"");

                // a stopped plugin keeps its state, phase stopped
                String stopped = samples.stream().filter(n -> !n.equals(monitor)).findFirst().orElseThrow();
                assertThat(first.post("/plugins/" + stopped + "/stop", "").statusCode()).isEqualTo(200);
                broker.awaitRetained(base + "/plugins/" + stopped + "/state", m -> m.payload().contains("\"phase\":\"stopped\""));

                // a removed plugin's topic is cleared
                String removed = samples.stream().filter(n -> !n.equals(monitor) && !n.equals(stopped)).findFirst().orElseThrow();
                String removedTopic = base + "/plugins/" + removed + "/state";
                cleared = removedTopic;
                from = live.size();
                HttpResponse<String> delete = first.delete("/plugins/" + removed);
                assertThat(delete.statusCode()).as(delete.body()).isEqualTo(200);
                live.awaitAfter(from, "the cleared state of " + removed, m -> m.topic().equals(removedTopic) && m.payload().isEmpty());
                assertThat(broker.retained(removedTopic)).as("no retained state of a removed plugin").isEmpty();
                live.awaitAfter(from, "the status with one plugin fewer", m -> m.topic().equals(base + "/status")
                        && m.payload().contains("\"plugins\":" + (samples.size() - 1) + ","));

                // kill -9: the broker publishes the Last Will
                from = live.size();
                first.process.kill();
                killed = true;
                live.awaitAfter(from, "the Last Will", m -> m.topic().equals(base + "/status") && m.payload().contains("\"online\":false")
                        && m.payload().contains("\"reason\":\"connection lost\""));
                assertThat(broker.retained(base + "/status")).get().extracting(Message::payload).asString()
                        .contains("\"online\":false");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", first.process.lines()), e);
            } finally {
                if (!killed) {
                    first.process.kill();
                }
                first.process.close();
            }

            // a restart: online again, the removed plugin stays cleared, and the shell shows the connection
            int from = live.size();
            HttpTaskhost second = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_CONSOLE", "stdin"), data);
            try {
                live.awaitAfter(from, "the online status after a restart",
                        m -> m.topic().equals(base + "/status") && m.payload().contains("\"online\":true"));
                assertThat(broker.retained(cleared)).as("the removed plugin's topic after a restart").isEmpty();
                String line = second.process.command("taskhost:mqtt", "with the connection", l -> l.matches("(taskhost> )?connection\\s+\\S.*"));
                assertThat(line).contains("connected");
                second.process.awaitLine("the topics root", l -> l.contains("status_topic") && l.contains(base + "/status"));

                // the broker stopped and started again: Paho reconnects, the status and states are published again. A
                // durable session (clean session off, kept by the broker's persistence) receives what was published while it
                // was away as live messages (retained flag 0), unlike the retained copies the broker kept (flag 1).
                try (Subscriber durable = broker.subscribe(ROOT + "/#", "e2e-durable")) {
                    durable.await("the retained status", m -> m.topic().equals(base + "/status"));
                }
                broker.restart();
                try (Subscriber after = broker.subscribe(ROOT + "/#", "e2e-durable")) {
                    after.await("the status published again after the reconnect", m -> m.topic().equals(base + "/status")
                            && !m.retained() && m.payload().contains("\"online\":true"));
                    after.await("a state published again after the reconnect", m -> m.topic().equals(base + "/plugins/" + samples.get(0) + "/state")
                            && !m.retained());
                    second.process.awaitLine("the reconnect", l -> l.contains("[mqtt] reconnected to " + broker.url()));

                    // SIGTERM: offline published, then a clean disconnect (no Last Will after it)
                    from = after.size();
                    assertThat(second.process.terminate()).as("exit status after SIGTERM").isZero();
                    List<String> output = second.process.lines();
                    second.process.close();
                    Message offline = after.awaitAfter(from, "the offline status at SIGTERM",
                            m -> m.topic().equals(base + "/status") && m.payload().contains("\"online\":false"));
                    assertThat(offline.payload()).contains("\"reason\":\"stopped\"");
                    assertThat(broker.retained(base + "/status")).get().extracting(Message::payload).asString().contains("\"reason\":\"stopped\"");
                    assertThat(output).anyMatch(l -> l.contains("[mqtt] MQTT: offline published"));
                }
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", second.process.lines()), e);
            } finally {
                if (second.process.isAlive()) {
                    second.process.kill();
                }
                second.process.close();
            }
        }
    }

    @Test
    void aWrongUrlIsReportedByNameAndTaskhostRuns() throws Exception {
        try (HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", "http://127.0.0.1:1883", "TASKHOST_SAMPLES", "false"))) {
            th.process.awaitLine("the wrong setting by name", l -> l.contains("[mqtt]") && l.contains("TASKHOST_MQTT_URL: expected tcp://"));
            assertThat(th.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> mqtt = th.get("/mqtt");
            assertThat(mqtt.statusCode()).isEqualTo(200);
            assertThat(mqtt.body()).contains("\"enabled\":false", "\"connected\":false", "TASKHOST_MQTT_URL: expected tcp://");
        }
    }

    @Test
    void withoutUrlMqttIsOffWithOneLine() throws Exception {
        try (HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_SAMPLES", "false"))) {
            th.process.awaitLine("MQTT off", l -> l.contains("[mqtt] MQTT off: no broker URL"));
            assertThat(th.get("/mqtt").body()).contains("\"enabled\":false", "\"connection\":\"off\"", "\"last_error\":null");
            assertThat(th.process.lines().stream().filter(l -> l.contains("[mqtt]"))).hasSize(1);
        }
    }

    /** One message as mosquitto_sub prints it with {@code -F '%t %r %p'}. */
    record Message(String topic, boolean retained, String payload) {
        static Optional<Message> parse(String line) {
            int a = line.indexOf(' ');
            if (a < 0 || line.length() < a + 2) {
                return Optional.empty();
            }
            String payload = line.length() > a + 3 ? line.substring(a + 3) : "";
            return Optional.of(new Message(line.substring(0, a), line.charAt(a + 1) == '1', payload));
        }
    }

    /** mosquitto with the configuration of peers.md, in its own session, stopped by its pid. */
    static final class Broker implements AutoCloseable {
        final int port;
        final Path dir;
        Process process;

        private Broker(int port, Path dir) {
            this.port = port;
            this.dir = dir;
        }

        static Broker start() throws Exception {
            return start(freePort(), Files.createTempDirectory("e2e-mosquitto"), "allow_anonymous true\n");
        }

        /**
         * mosquitto listening on {@code port} of the loopback (the port the tests' clients use), with more lines of
         * configuration ({@code allow_anonymous}, a password file, another listener...) in {@code dir}.
         */
        static Broker start(int port, Path dir, String more) throws Exception {
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, """
                    per_listener_settings false
                    listener %d 127.0.0.1
                    persistence true
                    persistence_location %s/
                    user root
                    max_queued_messages 100000
                    set_tcp_nodelay true
                    log_dest stderr
                    """.formatted(port, dir) + more);
            Broker b = new Broker(port, dir);
            b.launch();
            return b;
        }

        /** Starts mosquitto in its own session ({@code setsid} execs it: the pid is the broker's) and waits until it listens. */
        private void launch() throws Exception {
            String mosquitto = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
            process = new ProcessBuilder("setsid", mosquitto, "-c", dir.resolve("mosquitto.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                    .redirectInput(new File("/dev/null")).start();
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end && process.isAlive()) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return;
                } catch (IOException e) {
                    Thread.sleep(20);
                }
            }
            String log = Files.readString(dir.resolve("broker.log"));
            close();
            throw new AssertionError("mosquitto did not listen on " + port + ":\n" + log);
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        /** Stops the broker by its pid (SIGTERM; it saves its retained messages) and starts it again on the same port. */
        void restart() throws Exception {
            close();
            launch();
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }

        Subscriber subscribe(String filter) throws Exception {
            return subscribe(filter, null);
        }

        /** A subscriber, with a durable session under the client id when one is given. */
        Subscriber subscribe(String filter, String durableId) throws Exception {
            List<String> command = new ArrayList<>(List.of("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-q", "1",
                    "-t", filter, "-F", "%t %r %p"));
            if (durableId != null) {
                command.addAll(List.of("-c", "-i", durableId));
            }
            return new Subscriber(command);
        }

        /** The retained message of a topic, if any, as a new subscriber gets it. */
        Optional<Message> retained(String topic) throws Exception {
            Process p = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(port), "-t", topic,
                    "--retained-only", "-C", "1", "-W", "2", "-F", "%t %r %p").redirectErrorStream(true)
                    .redirectInput(new File("/dev/null")).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return out.lines().filter(l -> l.startsWith(topic + " ")).findFirst().flatMap(Message::parse)
                    .filter(m -> m.retained() && !m.payload().isEmpty());
        }

        /** Waits until the retained message of a topic matches. */
        Message awaitRetained(String topic, Predicate<Message> match) throws Exception {
            long end = System.nanoTime() + DEADLINE.toNanos();
            Optional<Message> last = Optional.empty();
            while (System.nanoTime() < end) {
                last = retained(topic);
                if (last.isPresent() && match.test(last.get())) {
                    return last.get();
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the retained message of " + topic + " never matched; last: " + last);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** mosquitto_sub as a process, its messages kept in arrival order. */
    static final class Subscriber implements AutoCloseable {
        final Process process;
        final List<Message> messages = new CopyOnWriteArrayList<>();
        final List<String> raw = new CopyOnWriteArrayList<>();

        Subscriber(List<String> command) throws Exception {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
            Thread.ofPlatform().daemon().name("mosquitto_sub").start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null;) {
                        raw.add(l);
                        Message.parse(l).ifPresent(messages::add);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        int size() {
            return messages.size();
        }

        Message await(String what, Predicate<Message> match) throws InterruptedException {
            return awaitAfter(0, what, match);
        }

        /** Waits for a matching message among those that arrived after the first {@code from}. */
        Message awaitAfter(int from, String what, Predicate<Message> match) throws InterruptedException {
            long end = System.nanoTime() + DEADLINE.toNanos();
            while (System.nanoTime() < end) {
                List<Message> now = new ArrayList<>(messages);
                for (Message m : now.subList(Math.min(from, now.size()), now.size())) {
                    if (match.test(m)) {
                        return m;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no message: " + what + " (subscriber alive=" + process.isAlive() + "); received:\n"
                    + String.join("\n", raw));
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
