package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.driver.ble.internal.BlueZMock;

/**
 * The BLE driver inside the launched taskhost (Felix), against BlueZ mocked on a private D-Bus ({@link BlueZMock}, the BLE driver bundle's own starter):
 * dbus-java's transport found through ServiceLoader in the bundle, scan, a device added over REST, a float read with
 * its units, a write the mock receives, notifications at 10 Hz into the point cache running a triggered task on each,
 * the device going away and coming back, bad frames and bad definitions.
 */
class BleProcessIT {

    static final String DEVICE = """
            {"id":"sensor","driver":"ble","address":"%s","poll_interval":0.5,"timeout":5,"points":[
              {"id":"temp","address":"2a6e","type":"float","units":"°C","options":{"codec":"int16","scale":"0.01"}},
              {"id":"setpoint","address":"%s","type":"float","units":"°C","writable":true,
               "options":{"codec":"int16","scale":"0.1"}},
              {"id":"count","address":"%s","type":"int","cov":true,"options":{"codec":"uint32","crc":"CRC-16/MODBUS"}}]}
            """;

    @Test
    void aBleDeviceEndToEnd() throws Exception {
        try (BlueZMock mock = BlueZMock.start(BlueZMock.harness(), Files.createTempDirectory("e2e-ble").resolve("bus"))) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("DBUS_SYSTEM_BUS_ADDRESS", mock.busAddress(), "TASKHOST_CONSOLE", "stdin",
                    "TASKHOST_SAMPLES", "false"), Files.createTempDirectory("e2e-ble-data"));
            try {
                th.process.command("taskhost:ble scan 0.5", "a scan", l -> l.contains("device(s) found"));
                assertThat(th.process.lines()).anySatisfy(l -> assertThat(l).contains(BlueZMock.ADDRESS, "taskhost-sensor", "-52",
                        "0000181a-0000-1000-8000-00805f9b34fb"));

                HttpResponse<String> found = th.post("/devices/discover?driver=ble&timeout=0.5", null);
                assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
                assertThat(found.body()).contains("\"address\":\"" + BlueZMock.ADDRESS + "\"", "\"name\":\"taskhost-sensor\"",
                        "\"rssi\":\"-52\"");

                HttpResponse<String> bad = th.post("/devices", DEVICE.formatted("C0:FF:EE", "2a6e-x", BlueZMock.STREAM));
                assertThat(bad.statusCode()).as(bad.body()).isIn(400, 422);
                assertThat(bad.body()).contains("\"address\"", "points[1].address", "not a UUID");
                HttpResponse<String> badCodec = th.post("/devices", DEVICE.formatted(BlueZMock.ADDRESS, BlueZMock.SETPOINT,
                        BlueZMock.STREAM).replace("\"crc\":\"CRC-16/MODBUS\"", "\"crc\":\"CRC-17\""));
                assertThat(badCodec.statusCode()).as(badCodec.body()).isIn(400, 422);
                assertThat(badCodec.body()).contains("points[2].options.crc", "unknown CRC 'CRC-17'");

                HttpResponse<String> added = th.post("/devices", DEVICE.formatted(BlueZMock.ADDRESS, BlueZMock.SETPOINT, BlueZMock.STREAM));
                assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
                th.awaitBody("/devices/sensor/points/temp", "21.5 GOOD", b -> b.contains("\"value\":21.5") && b.contains("\"quality\":\"GOOD\""));
                assertThat(th.get("/devices/sensor/points/temp").body()).contains("\"units\":\"°C\"");

                HttpResponse<String> written = th.post("/devices/sensor/points/setpoint/write", "{\"value\":22.5}");
                assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
                assertThat(mock.command("written " + BlueZMock.SETPOINT)).isEqualTo("e100 1");

                GitFixture repo = new GitFixture();
                repo.write("Counter.java", """
                        import org.taskhost.api.TaskBase;
                        public class Counter extends TaskBase {
                            public void initialize() { }
                            public void execute() {
                                logger().log(System.Logger.Level.INFO, "ble count " + (long) pv("COUNT").getDouble());
                            }
                            public void cleanup() { }
                        }
                        """).write("config.yaml", """
                        parameters:
                          mode: triggered
                        triggers:
                          - point: sensor/count
                            input: COUNT
                        pvs:
                          inputs:
                            COUNT: {type: int, value: -1}
                        """);
                HttpResponse<String> plugin = th.post("/tasks", "{\"name\":\"blecount\",\"git_url\":\"" + repo.commitAll() + "\"}");
                assertThat(plugin.statusCode()).as(plugin.body()).isIn(200, 201);
                th.process.awaitLine("the task ready", l -> l.contains("[blecount] STATUS INIT"));

                mock.command("stream " + BlueZMock.STREAM + " 10 20");
                th.awaitBody("/devices/sensor/points/count", "the 20th notification", b -> b.contains("\"value\":19,"));
                // a run per notification; a run reads COUNT when it starts, so when the next notification's value is
                // put before a run has read its own (seen on a loaded machine: 9, 11, 11, 12), both show the newer one
                th.process.awaitLine("the run of the last notification", l -> l.endsWith("[blecount] ble count 19"));
                HttpTaskhost.until("20 runs", () -> th.process.lines().stream().filter(l -> l.contains("[blecount] ble count ")).count() >= 20);

                mock.command("goaway");
                // the health says what happened: the loss and its time, each failed attempt, the backoff
                th.awaitBody("/devices", "the device in ERROR", b -> b.contains("\"status\":\"ERROR\"")
                        && b.contains("not found by hci0") && b.contains("connection lost: device " + BlueZMock.ADDRESS + " disconnected at ")
                        && b.contains("reconnect attempt"));
                mock.command("comeback");
                th.awaitBody("/devices/sensor", "the device OK again", b -> b.contains("\"status\":\"OK\""));
                assertThat(th.get("/devices").body()).doesNotContain("\"error_count\":0").doesNotContain("\"last_ok_at\":null");
                HttpTaskhost.until("notifications enabled again", () -> mock.command("frame " + BlueZMock.STREAM + " " + frame(1000)).equals("true"));
                th.awaitBody("/devices/sensor/points/count", "the notification after the reconnect", b -> b.contains("\"value\":1000,"));
                th.process.awaitLine("a run after the reconnect", l -> l.contains("[blecount] ble count 1000"));

                String wrongCrc = frame(1001).substring(0, 24) + "0000";
                assertThat(mock.command("frame " + BlueZMock.STREAM + " " + wrongCrc)).isEqualTo("true");
                th.awaitBody("/devices/sensor/points/count", "BAD quality with the reason",
                        b -> b.contains("\"quality\":\"BAD\"") && b.contains("bad frame: wrong CRC: CRC-16/MODBUS"));
                mock.command("frame " + BlueZMock.STREAM + " " + frame(1002));
                th.awaitBody("/devices/sensor/points/count", "GOOD again", b -> b.contains("\"value\":1002,") && b.contains("\"quality\":\"GOOD\""));
                assertThat(th.get("/devices").body()).contains("\"status\":\"OK\"");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                th.close();
            }
        }
    }

    /** A stream frame: counter uint32 LE, 8 bytes of time, CRC-16/MODBUS LE, as hex. */
    static String frame(int counter) {
        byte[] body = new byte[12];
        java.nio.ByteBuffer.wrap(body).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(counter).putLong(System.nanoTime());
        int crc = (int) org.taskhost.codec.Crc.named("CRC-16/MODBUS").compute(body);
        return java.util.HexFormat.of().formatHex(body) + String.format("%02x%02x", crc & 0xFF, crc >> 8);
    }
}
