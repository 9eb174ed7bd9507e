package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;
import org.taskhost.launcher.MqttProcessIT.Subscriber;

/**
 * An offline buffer file that cannot be written: taskhost says so in its log and in {@code GET /api/v1/mqtt}, and MQTT
 * works on (the buffer keeps its messages in memory).
 */
class MqttSpoolProcessIT {

    static final String ROOT = "th-spool";

    @Test
    void aBufferFileThatCannotBeWrittenIsShownAndMqttWorksOn() throws Exception {
        String node = "spool" + ProcessHandle.current().pid();
        Path data = Files.createTempDirectory("e2e-mqtt-spool");
        // the buffer is written to a temporary file and moved into place: a directory there makes every write fail,
        // even for root (whom a read-only mode does not stop)
        Path obstacle = Files.createDirectories(data.resolve("mqtt/offline-buffer.bin.tmp"));
        try (Broker broker = Broker.start(Broker.freePort(), Files.createTempDirectory("e2e-mosquitto-spool"), "allow_anonymous true\n");
                Subscriber live = broker.subscribe(ROOT + "/" + node + "/#")) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_ROOT", ROOT,
                    "TASKHOST_MQTT_NODE", node), data);
            try {
                String warning = th.process.awaitLine("the failed write in the log", l -> l.contains("MQTT offline buffer"));
                assertThat(warning).contains(obstacle.toString(), "1 failed writes so far", "kept in memory");
                live.await("the online status all the same", m -> m.topic().equals(ROOT + "/" + node + "/status")
                        && m.payload().contains("\"online\":true"));
                live.await("the monitor's state", m -> m.topic().equals(ROOT + "/" + node + "/plugins/monitor/state"));
                String mqtt = th.get("/mqtt").body();
                assertThat(mqtt).contains("\"connected\":true", "\"buffer_write_failures\":1", "\"buffer_last_error\":\"")
                        .contains("cannot write " + data.resolve("mqtt/offline-buffer.bin"), obstacle.toString());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }
}
