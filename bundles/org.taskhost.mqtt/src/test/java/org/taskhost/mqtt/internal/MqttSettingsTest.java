package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;

class MqttSettingsTest {

    static MqttSettings resolve(Map<String, ?> values) {
        return MqttSettings.resolve(TestConfigs.config(values), () -> "box1");
    }

    @Test
    void withoutUrlMqttIsOff() {
        assertThat(resolve(Map.of()).enabled()).isFalse();
        assertThat(resolve(Map.of("url", "  ")).enabled()).isFalse();
        // nothing else is checked while off
        assertThat(resolve(Map.of("node", "a/b")).enabled()).isFalse();
    }

    @Test
    void defaultsComeFromTheHostName() {
        MqttSettings s = resolve(Map.of("url", "tcp://broker:1883", "username", "cfg-user"));
        assertThat(s).isEqualTo(new MqttSettings("tcp://broker:1883", "taskhost-box1", "cfg-user", null, "taskhost", "box1"));
        assertThat(s.statusTopic()).isEqualTo("taskhost/box1/status");
        assertThat(s.stateTopic("monitor")).isEqualTo("taskhost/box1/plugins/monitor/state");
        assertThat(resolve(Map.of("url", "tcp://broker:1883", "root", "")).root()).as("an empty root").isEqualTo("taskhost");
    }

    @Test
    void everyAttributeIsRead() {
        MqttSettings s = resolve(Map.of("url", " ssl://mq.example.org:8883 ", "clientId", "th-7", "username", "alice",
                "password", "s3cret", "root", "site/a", "node", "node-7"));
        assertThat(s).isEqualTo(new MqttSettings("ssl://mq.example.org:8883", "th-7", "alice", "s3cret", "site/a", "node-7"));
        assertThat(s.statusTopic()).isEqualTo("site/a/node-7/status");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void wrongValuesAreReportedByName() {
        assertThatThrownBy(() -> resolve(Map.of("url", "http://broker:1883")))
                .hasMessageStartingWith("TASKHOST_MQTT_URL: expected tcp://host:port or ssl://host:port");
        assertThatThrownBy(() -> resolve(Map.of("url", "broker:1883"))).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        assertThatThrownBy(() -> resolve(Map.of("url", "tcp://bro ker:1883"))).hasMessageStartingWith("TASKHOST_MQTT_URL: not a URL");
        assertThatThrownBy(() -> resolve(Map.of("url", "tcp://:1883"))).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        assertThatThrownBy(() -> resolve(Map.of("url", "tcp://u:p@broker:1883")))
                .hasMessageStartingWith("TASKHOST_MQTT_URL: put the user name and password in TASKHOST_MQTT_USERNAME")
                .hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> resolve(Map.of("url", "tcp://broker:99999"))).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        assertThatThrownBy(() -> resolve(Map.of("url", "tcp://broker:1883/x"))).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        String url = "tcp://broker:1883";
        assertThatThrownBy(() -> resolve(Map.of("url", url, "root", "a/#"))).hasMessageStartingWith("TASKHOST_MQTT_ROOT: the MQTT wildcards");
        assertThatThrownBy(() -> resolve(Map.of("url", url, "root", "/a"))).hasMessageStartingWith("TASKHOST_MQTT_ROOT: no empty topic level");
        assertThatThrownBy(() -> resolve(Map.of("url", url, "node", "a/b"))).hasMessageStartingWith("TASKHOST_MQTT_NODE: one topic level");
        assertThatThrownBy(() -> resolve(Map.of("url", url, "node", "n+1"))).hasMessageStartingWith("TASKHOST_MQTT_NODE: ");
        // a variable that is not set, in a placeholder without a default, is named and not taken for a value
        assertThatThrownBy(() -> resolve(Map.of("url", "$[env:TASKHOST_MQTT_URL]")))
                .hasMessageStartingWith("TASKHOST_MQTT_URL: the placeholder in '$[env:TASKHOST_MQTT_URL]' was not replaced");
    }

    @Test
    void aPasswordNeedsAUserName() {
        assertThatThrownBy(() -> resolve(Map.of("url", "tcp://broker:1883", "node", "n", "password", "pw")))
                .hasMessageStartingWith("TASKHOST_MQTT_PASSWORD: a password needs a user name").hasMessageNotContaining("pw ");
    }

    @Test
    void numbersAreNumbersAndATextThatIsNoneIsRefusedByName() {
        MqttConfig config = TestConfigs.config(Map.of("buffer", "250", "pvInterval", "2"));
        assertThat(config.buffer()).isEqualTo(250);
        assertThat(MqttSettings.pvIntervalNanos(config)).isEqualTo(2_000_000_000L);
        assertThat(ConnectionSettings.resolve(config, java.nio.file.Path.of("/d")).buffer()).isEqualTo(250);
        assertThatThrownBy(() -> ConnectionSettings.resolve(TestConfigs.config(Map.of("buffer", "lots")), java.nio.file.Path.of("/d")))
                .hasMessage("TASKHOST_MQTT_BUFFER: expected a number of messages such as 10000, got 'lots'");
        assertThatThrownBy(() -> ConnectionSettings.resolve(TestConfigs.config(Map.of("buffer", "-1")), java.nio.file.Path.of("/d")))
                .hasMessage("TASKHOST_MQTT_BUFFER: must be 0 to 1000000 messages, got -1");
        assertThat(ConnectionSettings.resolve(TestConfigs.config(Map.of()), java.nio.file.Path.of("/d")).spool())
                .isEqualTo(java.nio.file.Path.of("/d/mqtt/offline-buffer.bin"));
    }

    @Test
    void payloadsAreJson() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(Payloads.online("0.1.0", 4, t)).isEqualTo("{\"online\":true,\"version\":\"0.1.0\",\"plugins\":4,\"started_at\":\"2026-12-01T10:00:00Z\"}");
        assertThat(Payloads.offline("0.1.0", t, "stopped"))
                .isEqualTo("{\"online\":false,\"version\":\"0.1.0\",\"started_at\":\"2026-12-01T10:00:00Z\",\"reason\":\"stopped\"}");
        PluginState s = new PluginState("ERROR", 2, "bad \"x\"\n", false, 7, 0, 3, null, PluginPhase.FAILED);
        assertThat(Payloads.state("m", s, null, t)).isEqualTo("{\"name\":\"m\",\"status\":\"ERROR\",\"status_index\":2,"
                + "\"message\":\"bad \\\"x\\\"\\n\",\"enabled\":false,\"cycles\":7,\"errors\":3,\"phase\":\"failed\",\"kind\":null,"
                + "\"mode\":null,\"timestamp\":\"2026-12-01T10:00:00Z\"}");
    }
}
