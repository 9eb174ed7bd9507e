package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Message;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * PV values on {@code {root}/{node}/plugins/{plugin}/pvs/{PV}} against a real broker (mosquitto, as in
 * {@link MqttProcessIT}): values put over REST arrive, and a burst within {@code pv_interval} is coalesced to its newest.
 */
class MqttPvValuesProcessIT {

    static final String ROOT = "th-pv";

    @Test
    void putValuesArriveWithTheirPayload() throws Exception {
        String node = "pv" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        String setpoint = base + "/plugins/monitor/pvs/SETPOINT";
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe(base + "/plugins/monitor/pvs/#")) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_MQTT_PV_INTERVAL", "0.5"), Files.createTempDirectory("e2e-mqtt-pv"));
            try {
                broker.awaitRetained(base + "/plugins/monitor/state", m -> m.payload().contains("\"phase\":\"ready\""));
                // the monitor's output, set by its cycles
                Message reading = live.await("a READING value", m -> m.topic().equals(base + "/plugins/monitor/pvs/READING"));
                assertThat(reading.payload()).contains("\"value\":", "\"timestamp\":\"", "\"severity\":\"", "\"unit\":\"arb\"");
                assertThat(reading.retained()).as("PV values are not retained").isFalse();

                int from = live.size();
                assertThat(th.post("/pvs/put", put(th, 70)).statusCode()).isEqualTo(200);
                Message first = live.awaitAfter(from, "SETPOINT 70.0", m -> m.topic().equals(setpoint) && m.payload().contains("\"value\":70.0"));
                assertThat(first.payload()).startsWith("{\"value\":70.0,\"timestamp\":\"").contains("\"severity\":\"NO_ALARM\"", "\"unit\":\"%\"");
                assertThat(first.retained()).isFalse();
                from = live.size();
                assertThat(th.post("/pvs/put", put(th, 71)).statusCode()).isEqualTo(200);
                live.awaitAfter(from, "SETPOINT 71.0", m -> m.topic().equals(setpoint) && m.payload().contains("\"value\":71.0"));
                List<String> values = setpoints(live, setpoint, 0);
                assertThat(values).as("70 before 71").containsSubsequence("70.0", "71.0");
                assertThat(values.get(values.size() - 1)).isEqualTo("71.0");

                String mqtt = th.get("/mqtt").body();
                assertThat(mqtt).contains("\"pv_topics\":\"" + base + "/plugins/+/pvs/+\"", "\"pv_interval\":0.5,", "\"pv_not_sent\":0");
                Matcher n = Pattern.compile("\"pv_messages\":(\\d+)").matcher(mqtt);
                assertThat(n.find()).as(mqtt).isTrue();
                assertThat(Long.parseLong(n.group(1))).isGreaterThanOrEqualTo(3);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    @Test
    void aBurstWithinTheIntervalIsCoalescedToTheNewest() throws Exception {
        String node = "pvb" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        String setpoint = base + "/plugins/monitor/pvs/SETPOINT";
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe(setpoint)) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_MQTT_PV_INTERVAL", "2"), Files.createTempDirectory("e2e-mqtt-pv-burst"));
            try {
                broker.awaitRetained(base + "/plugins/monitor/state", m -> m.payload().contains("\"phase\":\"ready\""));
                int from = live.size();
                for (int v = 10; v <= 19; v++) {
                    assertThat(th.post("/pvs/put", put(th, v)).statusCode()).isEqualTo(200);
                }
                long burstEnd = System.nanoTime();
                live.awaitAfter(from, "the newest value 19.0", m -> m.payload().contains("\"value\":19.0"));
                // the observation window: whatever else arrives within 5 s of the burst
                long rest = 5_000_000_000L - (System.nanoTime() - burstEnd);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000);
                }
                List<String> values = setpoints(live, setpoint, from);
                assertThat(values).as("10 puts within the 2 s interval: a few messages, not 10").hasSizeBetween(1, 3);
                assertThat(values.get(values.size() - 1)).as("the last is the newest").isEqualTo("19.0");
                assertThat(th.get("/plugins/monitor/pvs").body()).contains("\"value\":19.0");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    private static String put(HttpTaskhost th, int value) throws Exception {
        return "{\"pv_name\":\"" + MqttCommandsProcessIT.fullName(th) + "\",\"value\":" + value + "}";
    }

    /** The values of the SETPOINT messages from the {@code from}-th on, in arrival order. */
    private static List<String> setpoints(Subscriber live, String topic, int from) {
        List<Message> all = List.copyOf(live.messages);
        return all.subList(Math.min(from, all.size()), all.size()).stream().filter(m -> m.topic().equals(topic)).map(m -> {
            Matcher v = Pattern.compile("\"value\":([^,]+),").matcher(m.payload());
            assertThat(v.find()).as(m.payload()).isTrue();
            return v.group(1);
        }).toList();
    }
}
