package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;

class MqttSettingsTest {

    static MqttConfig config(String url, String root, String node) {
        return TestConfigs.config(Map.of("url", url, "username", "cfg-user", "root", root, "node", node));
    }

    static MqttSettings resolve(Map<String, String> env, MqttConfig config) {
        return MqttSettings.resolve(env::get, config, () -> "box1");
    }

    @Test
    void withoutUrlMqttIsOff() {
        assertThat(resolve(Map.of(), config("", "taskhost", "")).enabled()).isFalse();
        assertThat(resolve(Map.of("TASKHOST_MQTT_URL", "  "), config("", "taskhost", "")).enabled()).isFalse();
        // nothing else is checked while off
        assertThat(resolve(Map.of("TASKHOST_MQTT_NODE", "a/b"), config("", "taskhost", "")).enabled()).isFalse();
    }

    @Test
    void defaultsComeFromTheHostName() {
        MqttSettings s = resolve(Map.of(), config("tcp://broker:1883", "taskhost", ""));
        assertThat(s).isEqualTo(new MqttSettings("tcp://broker:1883", "taskhost-box1", "cfg-user", null, "taskhost", "box1"));
        assertThat(s.statusTopic()).isEqualTo("taskhost/box1/status");
        assertThat(s.stateTopic("monitor")).isEqualTo("taskhost/box1/plugins/monitor/state");
    }

    @Test
    void theEnvironmentWinsOverTheConfiguration() {
        Map<String, String> env = new HashMap<>();
        env.put("TASKHOST_MQTT_URL", "ssl://mq.example.org:8883");
        env.put("TASKHOST_MQTT_CLIENT_ID", "th-7");
        env.put("TASKHOST_MQTT_USERNAME", "alice");
        env.put("TASKHOST_MQTT_PASSWORD", "s3cret");
        env.put("TASKHOST_MQTT_ROOT", "site/a");
        env.put("TASKHOST_MQTT_NODE", "node-7");
        MqttSettings s = resolve(env, config("tcp://other:1883", "taskhost", "cfgnode"));
        assertThat(s).isEqualTo(new MqttSettings("ssl://mq.example.org:8883", "th-7", "alice", "s3cret", "site/a", "node-7"));
        assertThat(s.statusTopic()).isEqualTo("site/a/node-7/status");
        assertThat(s.toString()).doesNotContain("s3cret");
    }

    @Test
    void theConfigurationHoldsWithoutEnvironment() {
        MqttSettings s = resolve(Map.of(), config("tcp://127.0.0.1:18830", "lab", "cfgnode"));
        assertThat(s).isEqualTo(new MqttSettings("tcp://127.0.0.1:18830", "taskhost-cfgnode", "cfg-user", null, "lab", "cfgnode"));
    }

    @Test
    void wrongValuesAreReportedByName() {
        MqttConfig ok = config("", "taskhost", "");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "http://broker:1883"), ok))
                .hasMessageStartingWith("TASKHOST_MQTT_URL: expected tcp://host:port or ssl://host:port");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "broker:1883"), ok)).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "tcp://bro ker:1883"), ok))
                .hasMessageStartingWith("TASKHOST_MQTT_URL: not a URL");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "tcp://:1883"), ok)).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "tcp://u:p@broker:1883"), ok))
                .hasMessageStartingWith("TASKHOST_MQTT_URL: put the user name and password in TASKHOST_MQTT_USERNAME")
                .hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "tcp://broker:99999"), ok)).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_URL", "tcp://broker:1883/x"), ok)).hasMessageStartingWith("TASKHOST_MQTT_URL: ");
        Map<String, String> url = Map.of("TASKHOST_MQTT_URL", "tcp://broker:1883");
        assertThatThrownBy(() -> resolve(with(url, "TASKHOST_MQTT_ROOT", "a/#"), ok)).hasMessageStartingWith("TASKHOST_MQTT_ROOT: the MQTT wildcards");
        assertThatThrownBy(() -> resolve(with(url, "TASKHOST_MQTT_ROOT", "/a"), ok)).hasMessageStartingWith("TASKHOST_MQTT_ROOT: no empty topic level");
        assertThatThrownBy(() -> resolve(with(url, "TASKHOST_MQTT_NODE", "a/b"), ok)).hasMessageStartingWith("TASKHOST_MQTT_NODE: one topic level");
        assertThatThrownBy(() -> resolve(with(url, "TASKHOST_MQTT_NODE", "n+1"), ok)).hasMessageStartingWith("TASKHOST_MQTT_NODE: ");
        // the user name may come from the configuration and the password from the environment
        assertThat(resolve(with(url, "TASKHOST_MQTT_PASSWORD", "pw"), ok).password()).isEqualTo("pw");
    }

    @Test
    void aPasswordNeedsAUserName() {
        MqttConfig noUser = TestConfigs.config(Map.of("url", "tcp://broker:1883", "node", "n"));
        assertThatThrownBy(() -> resolve(Map.of("TASKHOST_MQTT_PASSWORD", "pw"), noUser))
                .hasMessageStartingWith("TASKHOST_MQTT_PASSWORD: a password needs a user name").hasMessageNotContaining("pw ");
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

    private static Map<String, String> with(Map<String, String> base, String k, String v) {
        Map<String, String> m = new HashMap<>(base);
        m.put(k, v);
        return m;
    }
}
