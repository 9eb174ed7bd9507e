package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Settings reach the components only through Config Admin: etc/*.cfg maps each environment variable to a typed
 * attribute with Felix's interpolation plugin, and a wrong value is refused by its variable's name while the rest runs.
 */
class SettingsProcessIT {

    @Test
    void environmentVariablesReachTheirComponentsTypedThroughEtc() throws Exception {
        Path data = Files.createTempDirectory("e2e-settings");
        Map<String, String> env = Map.of("TASKHOST_MQTT_URL", "tcp://127.0.0.1:" + closedPort(), "TASKHOST_MQTT_NODE", "settings",
                "TASKHOST_MQTT_PV_INTERVAL", "2.5", "TASKHOST_MQTT_COMMANDS", "run,put", "TASKHOST_PREFIX", "E2E:SET",
                "TASKHOST_SAMPLES", "false");
        try (HttpTaskhost th = HttpTaskhost.start(env, data)) {
            // a number, a list and a text, each in its component's configuration
            String mqtt = th.get("/mqtt").body();
            assertThat(mqtt).contains("\"enabled\":true", "\"node\":\"settings\"", "\"pv_interval\":2.5");
            th.process.awaitLine("the commands, a list", l -> l.contains("[mqtt] MQTT commands on taskhost/settings/cmd/+/+: run, put for every plugin"));
            th.process.awaitLine("the prefix", l -> l.contains("[taskhost] runtime ready, PV prefix E2E:SET, data " + data));
            // one data directory: Config Admin's folder, the admin token and the plugins all in TASKHOST_DATA
            assertThat(data.resolve("config")).isDirectory();
            assertThat(data.resolve("admin.token")).isRegularFile();
            assertThat(th.process.lines()).anyMatch(l -> l.contains("[loader] ready: 0 plugin(s) kept in " + data));
        }
    }

    @Test
    void aValueThatIsNotOfItsTypeIsRefusedByNameAndTheRestRuns() throws Exception {
        Map<String, String> env = Map.of("TASKHOST_MQTT_URL", "tcp://127.0.0.1:" + closedPort(), "TASKHOST_MQTT_BUFFER", "lots");
        try (HttpTaskhost th = HttpTaskhost.start(env)) {
            String refusal = "TASKHOST_MQTT_BUFFER: expected a number of messages such as 10000, got 'lots'";
            th.process.awaitLine("the refusal by name", l -> l.contains("ERROR [mqtt] MQTT off: " + refusal));
            assertThat(th.get("/mqtt").body()).contains("\"enabled\":false", refusal);
            th.process.awaitLine("the samples running all the same", l -> l.contains("[monitor] STATUS RUN"));
            assertThat(th.get("/health").statusCode()).isEqualTo(200);
            assertThat(th.get("/plugins/monitor/pvs").body()).contains("BEAMLINE:DEFAULT:MONITOR:READING");
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
