package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Message;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * The offline buffer against a real broker: mosquitto stopped for 10 s while a task changes its MESSAGE 20 times a
 * second, then started again. A durable subscriber (clean session off, kept by the broker's persistence) must see every
 * state message, in order; commands are answered again; and what is still buffered when taskhost stops is sent after
 * its next start.
 */
class MqttOutageProcessIT {

    static final String ROOT = "th-out";
    private static final Pattern TICK = Pattern.compile("\"message\":\"run (\\d+) n=(\\d+)\"");

    /** A task whose MESSAGE changes every cycle: each change is one state message. */
    static String ticker() throws Exception {
        return new GitFixture().write("Ticker.java", """
                import org.taskhost.api.TaskBase;
                public class Ticker extends TaskBase {
                    private final long run = ProcessHandle.current().pid();
                    private long n;
                    public void initialize() { }
                    public void execute() { context().setMessage("run " + run + " n=" + (++n)); }
                    public void cleanup() { }
                }
                """).write("config.yaml", "parameters:\n  interval: 0.05\n").commitAll();
    }

    record Tick(long run, long n) {
    }

    static List<Tick> ticks(List<Message> messages, String topic) {
        List<Tick> out = new ArrayList<>();
        for (Message m : messages) {
            Matcher t = TICK.matcher(m.payload());
            if (m.topic().equals(topic) && !m.retained() && t.find()) {
                out.add(new Tick(Long.parseLong(t.group(1)), Long.parseLong(t.group(2))));
            }
        }
        return out;
    }

    @Test
    void whatIsPublishedWhileTheBrokerIsAwayArrivesInOrder() throws Exception {
        String node = "out" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        String topic = base + "/plugins/ticker/state";
        String durable = "outage-" + node;
        Path data = Files.createTempDirectory("e2e-mqtt-out");
        Map<String, String> env = Map.of("TASKHOST_MQTT_URL", "", "TASKHOST_MQTT_ROOT", ROOT, "TASKHOST_MQTT_NODE", node,
                "TASKHOST_SAMPLES", "false", "TASKHOST_MQTT_COMMANDS", "disable");
        try (Broker broker = Broker.start()) {
            Map<String, String> withBroker = new java.util.HashMap<>(env);
            withBroker.put("TASKHOST_MQTT_URL", broker.url());
            List<Message> received = new ArrayList<>();
            HttpTaskhost th = HttpTaskhost.start(withBroker, data);
            long firstRun;
            try (Subscriber before = broker.subscribe(topic, durable)) {
                MqttTriggersProcessIT.add(th, "/tasks", "ticker", ticker());
                before.await("ticks before the outage", m -> ticks(List.of(m), topic).stream().anyMatch(t -> t.n() >= 20));
                firstRun = ticks(before.messages, topic).get(0).run();

                // the broker away until more than 100 states wait in the buffer
                broker.close();
                received.addAll(before.messages);
            }
            try {
                MqttTriggersProcessIT.awaitBody(th, "/mqtt", "\"connected\":false");
                HttpTaskhost.until("over 100 states buffered", () -> buffered(th.get("/mqtt").body()) > 100);
                String during = th.get("/mqtt").body();
                assertThat(buffered(during)).as(during).isGreaterThan(100);
                long lastDuring = lastTick(th);

                broker.restart();
                try (Subscriber after = broker.subscribe(topic, durable)) {
                    after.await("a tick newer than the outage", m -> ticks(List.of(m), topic).stream().anyMatch(t -> t.n() > lastDuring + 20));
                    received.addAll(after.messages);
                }
                List<Tick> ticks = ticks(received, topic);
                assertThat(ticks).isNotEmpty().allMatch(t -> t.run() == firstRun);
                assertNoGapInOrder(ticks);
                assertThat(ticks.stream().mapToLong(Tick::n).max().getAsLong()).isGreaterThan(lastDuring);
                MqttTriggersProcessIT.awaitBody(th, "/mqtt", "\"buffered\":0,");
                assertThat(th.get("/mqtt").body()).contains("\"connected\":true", "\"buffer_dropped\":0,");

                // subscriptions work again: a command is answered
                try (Subscriber replies = broker.subscribe(base + "/reply/#")) {
                    MqttCommandsProcessIT.publish(broker, base + "/cmd/ticker/disable", "{\"id\": \"o1\"}");
                    assertThat(replies.await("the reply after the outage", m -> m.payload().contains("\"id\":\"o1\"")).payload())
                            .contains("\"ok\":true");
                }
                assertThat(th.post("/plugins/ticker/enable", "").statusCode()).isEqualTo(200);

                // away again, and taskhost stops meanwhile: the buffer is kept in the data directory
                broker.close();
                MqttTriggersProcessIT.awaitBody(th, "/mqtt", "\"connected\":false");
                long stoppedAt = lastTick(th);
                HttpTaskhost.until("40 states buffered", () -> buffered(th.get("/mqtt").body()) >= 40);
                long lastBuffered = lastTick(th);
                assertThat(lastBuffered).isGreaterThan(stoppedAt);
                assertThat(th.process.terminate()).isZero();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.process.close();
            }
            assertThat(data.resolve("mqtt/offline-buffer.bin")).isNotEmptyFile();

            broker.restart();
            HttpTaskhost again = HttpTaskhost.start(withBroker, data);
            try (Subscriber late = broker.subscribe(topic, durable)) {
                late.await("the state buffered before the restart", m -> ticks(List.of(m), topic).stream()
                        .anyMatch(t -> t.run() == firstRun && t.n() >= lastTickOf(received) + 20));
                late.await("a state of the new run", m -> ticks(List.of(m), topic).stream().anyMatch(t -> t.run() != firstRun));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", again.process.lines()), e);
            } finally {
                again.close();
            }
        }
    }

    /** Each tick follows the one before it; a message sent twice (at least once) may repeat one already seen. */
    static void assertNoGapInOrder(List<Tick> ticks) {
        Set<Long> seen = new HashSet<>();
        long previous = -1;
        for (Tick t : ticks) {
            if (!seen.add(t.n())) {
                continue;
            }
            if (previous >= 0) {
                assertThat(t.n()).as("the tick after " + previous + " (ticks: " + ticks.stream().map(Tick::n).toList() + ")")
                        .isEqualTo(previous + 1);
            }
            previous = t.n();
        }
    }

    static long lastTickOf(List<Message> messages) {
        return messages.stream().map(Message::payload).map(TICK::matcher).filter(Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(2))).max().orElse(0);
    }

    static long buffered(String mqttBody) {
        Matcher m = Pattern.compile("\"buffered\":(\\d+)").matcher(mqttBody);
        assertThat(m.find()).as(mqttBody).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The tick MESSAGE shows now; right after an enable it says "Task running" until the next cycle. */
    static long lastTick(HttpTaskhost th) throws Exception {
        long end = System.nanoTime() + MqttProcessIT.DEADLINE.toNanos();
        String body;
        do {
            body = th.get("/plugins/ticker").body();
            Matcher m = Pattern.compile("run \\d+ n=(\\d+)").matcher(body);
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        throw new AssertionError("the ticker's MESSAGE never showed a tick: " + body);
    }
}
