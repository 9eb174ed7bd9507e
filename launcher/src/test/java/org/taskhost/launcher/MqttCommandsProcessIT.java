package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Message;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * Commands over MQTT against a real broker (mosquitto, started as {@link MqttProcessIT} does): mosquitto_pub sends,
 * mosquitto_sub sees the replies and the state topics, REST checks the model.
 */
class MqttCommandsProcessIT {

    static final String ROOT = "th-cmd";

    record Malformed(String plugin, String command, String payload, String expected) {
    }

    @Test
    void commandsGoThroughTheModelWithReplies() throws Exception {
        String node = "cmd" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe("#")) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_MQTT_COMMANDS", "enable,disable,run,trigger,put"),
                    Files.createTempDirectory("e2e-mqtt-cmd"));
            try {
                th.process.awaitLine("the command subscription", l -> l.contains("[mqtt] MQTT commands on " + base
                        + "/cmd/+/+: enable, disable, run, trigger, put for every plugin"));
                String state = base + "/plugins/monitor/state";
                broker.awaitRetained(state, m -> m.payload().contains("\"phase\":\"ready\"") && m.payload().contains("\"enabled\":true"));

                // disable, reply on the default topic; the state topic follows
                int from = live.size();
                publish(broker, base + "/cmd/monitor/disable", "{\"id\": \"d1\"}");
                Message reply = live.awaitAfter(from, "the reply to disable",
                        m -> m.topic().equals(base + "/reply/monitor") && m.payload().contains("\"id\":\"d1\""));
                assertThat(reply.payload()).contains("\"ok\":true", "\"command\":\"disable\"", "\"plugin\":\"monitor\"", "\"enabled\":false");
                assertThat(reply.retained()).as("replies are not retained").isFalse();
                live.awaitAfter(from, "the disabled state", m -> m.topic().equals(state) && m.payload().contains("\"enabled\":false"));
                assertThat(th.get("/plugins/monitor").body()).contains("\"enabled\":false");

                // enable, reply on reply_to
                from = live.size();
                publish(broker, base + "/cmd/monitor/enable", "{\"id\": 42, \"reply_to\": \"e2e-replies/enable\"}");
                reply = live.awaitAfter(from, "the reply to enable on reply_to", m -> m.topic().equals("e2e-replies/enable"));
                assertThat(reply.payload()).contains("\"id\":42", "\"ok\":true", "\"command\":\"enable\"");
                live.awaitAfter(from, "the enabled state", m -> m.topic().equals(state) && m.payload().contains("\"enabled\":true"));

                // run the diagnostics job: the reply carries its result
                from = live.size();
                publish(broker, base + "/cmd/diagnostics/run", "{\"id\": \"r1\"}");
                reply = live.awaitAfter(from, "the reply to run",
                        m -> m.topic().equals(base + "/reply/diagnostics") && m.payload().contains("\"id\":\"r1\""));
                assertThat(reply.payload()).contains("\"ok\":true", "\"command\":\"run\"", "\"success\":true",
                        "\"message\":\"Diagnostics OK\"", "\"status\":\"healthy\"", "\"processors\":", "\"timestamp\":\"");

                // put within the drive limits
                from = live.size();
                publish(broker, base + "/cmd/monitor/put", "{\"id\": \"p1\", \"pv\": \"SETPOINT\", \"value\": 70}");
                reply = live.awaitAfter(from, "the reply to put 70", m -> m.payload().contains("\"id\":\"p1\""));
                assertThat(reply.payload()).contains("\"ok\":true", "\"pv\":\"SETPOINT\"", "\"value\":70.0");
                assertThat(setpoint(th)).isEqualTo("70.0");

                // put beyond them: refused as over REST (and CA), the value unchanged
                from = live.size();
                publish(broker, base + "/cmd/monitor/put", "{\"id\": \"p2\", \"pv\": \"SETPOINT\", \"value\": 150}");
                reply = live.awaitAfter(from, "the reply to put 150", m -> m.payload().contains("\"id\":\"p2\""));
                HttpResponse<String> rest = th.post("/pvs/put", "{\"pv_name\":\"" + fullName(th) + "\",\"value\":150}");
                Matcher error = Pattern.compile("\"error\":\"([^\"]+)\"").matcher(rest.body());
                assertThat(error.find()).as(rest.body()).isTrue();
                assertThat(error.group(1)).contains("outside the drive limits");
                assertThat(reply.payload()).contains("\"ok\":false", "\"message\":\"" + error.group(1) + "\"");
                assertThat(setpoint(th)).isEqualTo("70.0");

                // a stopped plugin
                assertThat(th.post("/plugins/scaler/stop", "").statusCode()).isEqualTo(200);
                from = live.size();
                publish(broker, base + "/cmd/scaler/enable", "{\"id\": \"s1\"}");
                reply = live.awaitAfter(from, "the reply for a stopped plugin", m -> m.payload().contains("\"id\":\"s1\""));
                assertThat(reply.payload()).contains("\"ok\":false", "is not running (phase stopped)");

                HttpResponse<String> mqtt = th.get("/mqtt");
                assertThat(mqtt.body()).contains("\"command_topics\":\"" + base + "/cmd/+/+\"", "\"commands\":6,", "\"commands_ok\":4,",
                        "\"commands_rejected\":2,");

                // 20 malformed commands, each answered with an error naming the problem
                List<Malformed> bad = List.of(
                        new Malformed("monitor", "enable", "not json", "not valid JSON"),
                        new Malformed("monitor", "enable", "{\"id\": 1", "Unexpected end-of-input"),
                        new Malformed("monitor", "enable", "[1, 2]", "not a JSON object"),
                        new Malformed("monitor", "disable", "42", "not a JSON object"),
                        new Malformed("monitor", "disable", "\"disable\"", "not a JSON object"),
                        new Malformed("monitor", "disable", "{\"id\": {\"x\": 1}}", "id must be a string or an integer"),
                        new Malformed("monitor", "disable", "{\"id\": true}", "id must be a string or an integer"),
                        new Malformed("monitor", "disable", "{\"id\": [1]}", "id must be a string or an integer"),
                        new Malformed("monitor", "put", "{\"value\": 1}", "put needs \\\"pv\\\""),
                        new Malformed("monitor", "put", "{\"pv\": \"SETPOINT\"}", "put needs \\\"value\\\""),
                        new Malformed("monitor", "put", "{\"pv\": 5, \"value\": 1}", "\\\"pv\\\" must be a string"),
                        new Malformed("monitor", "put", "{\"pv\": \"SETPOINT\", \"value\": null}", "\\\"value\\\" must be"),
                        new Malformed("monitor", "put", "{\"pv\": \"SETPOINT\", \"value\": \"abc\"}", "SETPOINT"),
                        new Malformed("monitor", "put", "{\"pv\": \"NOPE\", \"value\": 1}", "has no PV NOPE"),
                        new Malformed("monitor", "explode", "{}", "unknown command 'explode'"),
                        new Malformed("monitor", "disable", "{\"reply_to\": 3}", "reply_to must be a topic"),
                        new Malformed("monitor", "disable", "{\"reply_to\": \"a/#\"}", "wildcards"),
                        new Malformed("monitor", "disable", "{\"id\": \"x\",}", "not valid JSON"),
                        new Malformed("monitor", "disable", "{'id': 1}", "not valid JSON"),
                        new Malformed("nosuch", "enable", "{}", "unknown plugin 'nosuch'"));
                assertThat(bad).hasSize(20);
                for (Malformed m : bad) {
                    from = live.size();
                    publish(broker, base + "/cmd/" + m.plugin() + "/" + m.command(), m.payload());
                    reply = live.awaitAfter(from, "the error reply to " + m, x -> x.topic().equals(base + "/reply/" + m.plugin()));
                    assertThat(reply.payload()).as(m.toString()).contains("\"ok\":false", "\"command\":\"" + m.command() + "\"", m.expected());
                }
                assertThat(setpoint(th)).as("nothing changed").isEqualTo("70.0");
                assertThat(th.get("/plugins/monitor").body()).contains("\"enabled\":true");
                assertThat(th.get("/health").statusCode()).isEqualTo(200);
                assertThat(th.get("/mqtt").body()).contains("\"commands\":26,", "\"commands_ok\":4,", "\"commands_rejected\":22,",
                        "\"connected\":true");
                // the monitor keeps cycling
                long cycles = cycles(th);
                long end = System.nanoTime() + MqttProcessIT.DEADLINE.toNanos();
                while (cycles(th) <= cycles && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                assertThat(cycles(th)).as("the monitor's cycles after the malformed commands").isGreaterThan(cycles);
                String shell = String.join("\n", th.process.lines());
                assertThat(shell).doesNotContain("Exception in thread");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    @Test
    void aCommandNotInTheAllowListIsRefused() throws Exception {
        String node = "allow" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe(ROOT + "/#")) {
            // the commands from the environment, the plugins from a copy of etc/ whose org.taskhost.mqtt.cfg names monitor
            Path etc = EtcCopy.of(Files.createTempDirectory("e2e-mqtt").resolve("etc"));
            Path cfg = etc.resolve("org.taskhost.mqtt.cfg");
            String text = Files.readString(cfg);
            assertThat(text).contains("\ncommand_plugins=*\n");
            Files.writeString(cfg, text.replace("\ncommand_plugins=*\n", "\ncommand_plugins=monitor\n"));
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node, "TASKHOST_MQTT_COMMANDS", "enable,disable", "TASKHOST_ETC", etc.toString()),
                    Files.createTempDirectory("e2e-mqtt-allow"));
            try {
                th.process.awaitLine("the command subscription", l -> l.contains("[mqtt] MQTT commands on " + base
                        + "/cmd/+/+: enable, disable for monitor"));
                int from = live.size();
                publish(broker, base + "/cmd/monitor/put", "{\"id\": \"a1\", \"pv\": \"SETPOINT\", \"value\": 60}");
                Message reply = live.awaitAfter(from, "the refusal of put", m -> m.payload().contains("\"id\":\"a1\""));
                assertThat(reply.payload()).contains("\"ok\":false",
                        "command 'put' is not allowed (allowed: enable,disable): set commands (TASKHOST_MQTT_COMMANDS) to allow it");
                publish(broker, base + "/cmd/pulse/disable", "{\"id\": \"a2\"}");
                reply = live.awaitAfter(from, "the refusal for pulse", m -> m.payload().contains("\"id\":\"a2\""));
                assertThat(reply.payload()).contains("\"ok\":false", "commands to plugin 'pulse' are not allowed: set command_plugins");
                publish(broker, base + "/cmd/monitor/disable", "{\"id\": \"a3\"}");
                reply = live.awaitAfter(from, "the allowed disable", m -> m.payload().contains("\"id\":\"a3\""));
                assertThat(reply.payload()).contains("\"ok\":true");
                assertThat(setpoint(th)).as("the refused put changed nothing").isEqualTo("50.0");
                assertThat(th.get("/plugins/pulse").body()).as("the refused disable changed nothing").contains("\"enabled\":true");
                assertThat(th.get("/plugins/monitor").body()).contains("\"enabled\":false");
                assertThat(th.get("/mqtt").body()).contains("\"commands_allowed\":\"enable,disable\"", "\"command_plugins\":\"monitor\"",
                        "\"commands_rejected\":2,");

                // the broker restarted: the clean session lost the subscription; taskhost subscribes again
                broker.restart();
                th.process.awaitLine("the reconnect", l -> l.contains("[mqtt] reconnected to " + broker.url()));
                String subscribedLine = "[mqtt] subscribed to " + base + "/cmd/+/+";
                long end = System.nanoTime() + MqttProcessIT.DEADLINE.toNanos();
                while (System.nanoTime() < end && th.process.lines().stream().filter(l -> l.contains(subscribedLine)).count() < 2) {
                    Thread.sleep(20);
                }
                assertThat(th.process.lines().stream().filter(l -> l.contains(subscribedLine)))
                        .as("subscribed at the first connect and again after the reconnect").hasSize(2);
                try (Subscriber after = broker.subscribe(ROOT + "/#")) {
                    after.await("the status after the restart", m -> m.topic().equals(base + "/status"));
                    publish(broker, base + "/cmd/monitor/enable", "{\"id\": \"a4\"}");
                    reply = after.await("the reply after the broker restart", m -> m.payload().contains("\"id\":\"a4\""));
                    assertThat(reply.payload()).contains("\"ok\":true", "\"command\":\"enable\"");
                }
                assertThat(th.get("/plugins/monitor").body()).contains("\"enabled\":true");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    static void publish(Broker broker, String topic, String payload) throws Exception {
        Process p = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port), "-q", "1", "-t", topic,
                "-m", payload).redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("mosquitto_pub ended").isTrue();
        assertThat(p.exitValue()).as("mosquitto_pub: " + out).isZero();
    }

    private static String pvField(HttpTaskhost th, String field) throws Exception {
        String body = th.get("/plugins/monitor/pvs").body();
        Matcher m = Pattern.compile("\\{\"name\":\"SETPOINT\",[^{]*?\"" + field + "\":(\"[^\"]*\"|[^,]+),").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1).replace("\"", "");
    }

    static String setpoint(HttpTaskhost th) throws Exception {
        return pvField(th, "value");
    }

    static String fullName(HttpTaskhost th) throws Exception {
        return pvField(th, "pv");
    }

    static long cycles(HttpTaskhost th) throws Exception {
        String body = th.get("/plugins/monitor").body();
        Matcher m = Pattern.compile("\"cycle_count\":(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1));
    }
}
