package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Message;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * MQTT commands fail closed: a broker may be shared and unauthenticated, so without a setting no command is accepted
 * (and each is answered, naming the setting), only the commands a site names are, and a setting that cannot be read
 * keeps MQTT off rather than falling back to a default.
 */
class MqttCommandsDefaultProcessIT {

    static final String ROOT = "th-cmd-default";
    static final String PUT = "{\"id\": \"%s\", \"pv\": \"SETPOINT\", \"value\": 70}";

    @Test
    void withoutASettingAPutIsRefusedAndNamingItAllowsIt() throws Exception {
        String node = "closed" + ProcessHandle.current().pid();
        String base = ROOT + "/" + node;
        try (Broker broker = Broker.start(); Subscriber live = broker.subscribe(ROOT + "/#")) {
            HttpTaskhost th = HttpTaskhost.start(env(broker, node, null), Files.createTempDirectory("e2e-mqtt-closed"));
            try {
                th.process.awaitLine("the line saying no command is accepted",
                        l -> l.contains("[mqtt] MQTT commands: none accepted (set TASKHOST_MQTT_COMMANDS)"));
                broker.awaitRetained(base + "/plugins/monitor/state", m -> m.payload().contains("\"phase\":\"ready\""));
                assertThat(MqttCommandsProcessIT.setpoint(th)).isEqualTo("50.0");

                int from = live.size();
                MqttCommandsProcessIT.publish(broker, base + "/cmd/monitor/put", PUT.formatted("c1"));
                Message reply = live.awaitAfter(from, "the refusal of put", m -> m.topic().equals(base + "/reply/monitor")
                        && m.payload().contains("\"id\":\"c1\""));
                assertThat(reply.payload()).contains("\"ok\":false", "\"command\":\"put\"",
                        "command 'put' is not allowed (allowed: none): set commands (TASKHOST_MQTT_COMMANDS) to allow it");
                // the refusal is decided before any put reaches the model, so the value read after the reply is final
                assertThat(MqttCommandsProcessIT.setpoint(th)).as("the refused put changed nothing").isEqualTo("50.0");
                assertThat(th.get("/mqtt").body()).contains("\"commands_allowed\":\"none\"", "\"commands\":1,", "\"commands_ok\":0,",
                        "\"commands_rejected\":1,");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }

            String openNode = "open" + ProcessHandle.current().pid();
            String openBase = ROOT + "/" + openNode;
            HttpTaskhost open = HttpTaskhost.start(env(broker, openNode, "put"), Files.createTempDirectory("e2e-mqtt-open"));
            try {
                open.process.awaitLine("the line naming the accepted command",
                        l -> l.contains("[mqtt] MQTT commands on " + openBase + "/cmd/+/+: put for every plugin"));
                broker.awaitRetained(openBase + "/plugins/monitor/state", m -> m.payload().contains("\"phase\":\"ready\""));
                int from = live.size();
                MqttCommandsProcessIT.publish(broker, openBase + "/cmd/monitor/put", PUT.formatted("o1"));
                Message reply = live.awaitAfter(from, "the reply to the allowed put", m -> m.topic().equals(openBase + "/reply/monitor")
                        && m.payload().contains("\"id\":\"o1\""));
                assertThat(reply.payload()).contains("\"ok\":true", "\"pv\":\"SETPOINT\"", "\"value\":70.0");
                assertThat(MqttCommandsProcessIT.setpoint(open)).isEqualTo("70.0");
                live.awaitAfter(from, "SETPOINT's new value on its PV topic",
                        m -> m.topic().equals(openBase + "/plugins/monitor/pvs/SETPOINT") && m.payload().contains("70"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", open.process.lines()), e);
            } finally {
                open.close();
            }
        }
    }

    @Test
    void anUnreadableSettingKeepsMqttOff() throws Exception {
        String node = "bad" + ProcessHandle.current().pid();
        try (Broker broker = Broker.start()) {
            HttpTaskhost th = HttpTaskhost.start(env(broker, node, "put,reboot"), Files.createTempDirectory("e2e-mqtt-bad"));
            try {
                th.process.awaitLine("MQTT off, naming the variable",
                        l -> l.contains("[mqtt] MQTT off: TASKHOST_MQTT_COMMANDS: unknown command 'reboot'"));
                assertThat(th.get("/mqtt").body()).contains("\"enabled\":false", "\"connected\":false");
                assertThat(th.process.lines()).noneMatch(l -> l.contains("MQTT commands"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    private static Map<String, String> env(Broker broker, String node, String commands) {
        Map<String, String> env = new HashMap<>(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                "TASKHOST_MQTT_NODE", node, "TASKHOST_MQTT_PV_INTERVAL", "0"));
        if (commands != null) {
            env.put("TASKHOST_MQTT_COMMANDS", commands);
        }
        return env;
    }
}
