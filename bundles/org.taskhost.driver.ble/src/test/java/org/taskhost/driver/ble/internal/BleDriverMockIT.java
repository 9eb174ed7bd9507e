package org.taskhost.driver.ble.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskhost.driver.ble.internal.BlueZMock.ADDRESS;
import static org.taskhost.driver.ble.internal.BlueZMock.SETPOINT;
import static org.taskhost.driver.ble.internal.BlueZMock.STREAM;
import static org.taskhost.driver.ble.internal.BlueZMock.TEMPERATURE;
import static org.taskhost.driver.ble.internal.BlueZMock.TLV;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.device.Quality;
import org.taskhost.codec.Crc;

/** The driver against BlueZ mocked by python-dbusmock on a private bus (no Felix; BleFelixProcessIT runs it there). */
class BleDriverMockIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    static BlueZMock mock;
    static BleDriver driver;

    @BeforeAll
    static void startMock() throws Exception {
        mock = BlueZMock.start(BlueZMock.harness(), dir.resolve("bus"));
        driver = new BleDriver(mock.busAddress(), "", Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopMock() throws Exception {
        driver.close();
        mock.close();
    }

    static Point point(String id, String uuid, PointType type, String units, boolean cov, Map<String, String> options) {
        return new Point(id, uuid, type, units, true, null, cov, "", options);
    }

    static final Point TEMP = point("temp", "2a6e", PointType.FLOAT, "°C", true,
            Map.of("codec", "int16", "scale", "0.01"));
    static final Point SET = point("setpoint", SETPOINT, PointType.FLOAT, "°C", false,
            Map.of("codec", "int16", "scale", "0.1"));
    static final Point COUNT = point("count", STREAM, PointType.INT, "", true,
            Map.of("codec", "uint32", "crc", "CRC-16/MODBUS"));
    static final Point HUMIDITY = point("humidity", TLV, PointType.FLOAT, "%", true,
            Map.of("codec", "tlv", "tag", "1", "value.codec", "int16", "value.scale", "0.1"));

    static DeviceConfig device(String address, Point... points) {
        return new DeviceConfig("sensor", "ble", address, Duration.ofSeconds(1), true, Duration.ofSeconds(5), 0,
                Map.of(), List.of(points), "");
    }

    @Test
    void scanFindsTheDeviceWithRssiAndServices() throws Exception {
        List<DiscoveredDevice> found = driver.discover(Map.of(), Duration.ofMillis(300));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.address()).isEqualTo(ADDRESS);
            assertThat(d.name()).isEqualTo("taskhost-sensor");
            assertThat(d.properties()).containsEntry("rssi", "-52")
                    .containsEntry("services", "0000181a-0000-1000-8000-00805f9b34fb");
        });
        assertThat(driver.discover(Map.of("name_prefix", "other"), Duration.ofMillis(100))).isEmpty();
    }

    @Test
    void connectsReadsAFloatWithUnitsAndWrites() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (DriverSession session = driver.open(device(ADDRESS, TEMP, SET), sink)) {
            Map<String, PointValue> values = session.read(List.of(TEMP));
            assertThat(values.get("temp").value()).isEqualTo(21.5);
            assertThat(values.get("temp").quality()).isEqualTo(Quality.GOOD);

            session.write(SET, 22.5, null);
            assertThat(mock.command("written " + SETPOINT)).isEqualTo("e100 1");
            assertThat(session.read(List.of(SET)).get("setpoint").value()).isEqualTo(22.5);

            Point command = point("setpoint", SETPOINT, PointType.FLOAT, "°C", false,
                    Map.of("codec", "int16", "scale", "0.1", "write", "command"));
            session.write(command, -1.5, null);
            assertThat(mock.command("written " + SETPOINT)).isEqualTo("f1ff -2");
            assertThatThrownBy(() -> session.write(SET, 4000.0, null)).hasMessageContaining("does not fit int16");
        }
    }

    @Test
    void aDeviceConfiguredByNamePattern() throws Exception {
        try (DriverSession session = driver.open(device("name:taskhost-sen*", TEMP), new RecordingSink())) {
            assertThat(session.read(List.of(TEMP)).get("temp").value()).isEqualTo(21.5);
        }
        DeviceConfig nobody = new DeviceConfig("nobody", "ble", "name:nobody-?", Duration.ofSeconds(1), true,
                Duration.ofMillis(300), 0, Map.of(), List.of(TEMP), "");
        assertThatThrownBy(() -> driver.open(nobody, new RecordingSink()))
                .hasMessageStartingWith("no device named like 'nobody-?' found by hci0")
                .hasMessageContaining("next attempt in");
    }

    @Test
    void notificationsAt10HzArriveDecoded() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (DriverSession session = driver.open(device(ADDRESS, COUNT, HUMIDITY), sink)) {
            assertThat(session.subscribe(List.of(COUNT, HUMIDITY))).containsExactly("count", "humidity");
            mock.command("stream " + STREAM + " 10 20");
            await("20 notifications").atMost(WAIT).until(() -> sink.of("count").size() >= 20);
            assertThat(sink.of("count")).extracting(u -> u.value().value())
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 20).boxed().toList());
            assertThat(sink.of("count")).allMatch(u -> u.value().isGood());
            // notify-only points read as their last notification
            assertThat(session.read(List.of(COUNT)).get("count").value()).isEqualTo(19L);

            mock.command("frame " + TLV + " 0102c201");
            await("a TLV notification").atMost(WAIT).until(() -> !sink.of("humidity").isEmpty());
            assertThat(sink.of("humidity").get(0).value().value()).isEqualTo(45.0);
        }
    }

    @Test
    void badFramesAreBadQualityWithTheReasonAndTheDeviceGoesOn() throws Exception {
        RecordingSink sink = new RecordingSink();
        try (DriverSession session = driver.open(device(ADDRESS, COUNT, HUMIDITY), sink)) {
            session.subscribe(List.of(COUNT, HUMIDITY));
            byte[] good = frame(7);
            byte[] wrongCrc = good.clone();
            wrongCrc[0] ^= 1;
            byte[] shortFrame = withCrc(new byte[] {1, 2});
            for (byte[] f : List.of(wrongCrc, shortFrame, good)) {
                assertThat(mock.command("frame " + STREAM + " " + HexFormat.of().formatHex(f))).isEqualTo("true");
            }
            mock.command("frame " + TLV + " 0701ff");
            await("4 notifications").atMost(WAIT).until(() -> sink.updates.size() >= 4);
            List<PointValue> counts = sink.of("count").stream().map(RecordingSink.Update::value).toList();
            assertThat(counts.get(0).quality()).isEqualTo(Quality.BAD);
            assertThat(counts.get(0).reason()).startsWith("bad frame: wrong CRC: CRC-16/MODBUS");
            assertThat(counts.get(1).reason()).isEqualTo("bad frame: short frame: uint32 needs 4 bytes at byte 0, "
                    + "the frame has 2");
            assertThat(counts.get(2).value()).isEqualTo(7L);
            assertThat(counts.get(2).isGood()).isTrue();
            PointValue humidity = sink.of("humidity").get(0).value();
            assertThat(humidity.quality()).isEqualTo(Quality.BAD);
            assertThat(humidity.reason()).contains("unknown tag: no field with tag 1");
            assertThat(sink.lost).isEmpty();
            assertThat(session.read(List.of(TEMP)).get("temp").isGood()).isTrue();
        }
    }

    @Test
    void aWrongUuidOrAddressIsRefusedNamingTheField() {
        Point wrongUuid = point("x", "2a6e-nope", PointType.FLOAT, "", false, Map.of());
        Point wrongCodec = point("y", "2a6e", PointType.FLOAT, "", false, Map.of("codec", "int16", "scale", "x"));
        Point wrongNested = point("z", "2a6e", PointType.FLOAT, "", false, Map.of("codec", "tlv", "tag", "1",
                "value.codec", "int13"));
        List<DeviceProblem> problems = driver.validate(device("C0:FF:EE:00:00", TEMP, wrongUuid, wrongCodec,
                wrongNested));
        assertThat(problems).extracting(DeviceProblem::field).containsExactly("address", "points[1].address",
                "points[2].options.scale", "points[3].options.value.codec");
        assertThat(problems.get(1).message()).contains("not a UUID");
        assertThat(driver.validate(device(ADDRESS, TEMP, SET, COUNT, HUMIDITY))).isEmpty();
        assertThat(driver.validate(device("name:sensor-*", TEMP))).isEmpty();
        assertThat(driver.validate(device("name:", TEMP))).extracting(DeviceProblem::field).containsExactly("address");
        DeviceConfig typo = new DeviceConfig("sensor", "ble", ADDRESS, Duration.ofSeconds(1), true, Duration.ofSeconds(5),
                0, Map.of("adaptor", "hci0"), List.of(TEMP), "");
        assertThat(driver.validate(typo)).extracting(DeviceProblem::field).containsExactly("options.adaptor");
        DeviceConfig badAdapter = new DeviceConfig("sensor", "ble", ADDRESS, Duration.ofSeconds(1), true,
                Duration.ofSeconds(5), 0, Map.of("adapter", "usb0"), List.of(TEMP), "");
        assertThat(driver.validate(badAdapter)).extracting(DeviceProblem::field).containsExactly("options.adapter");
    }

    @Test
    void theDeviceGoesAwayAndComesBackReconnectsWithBackoffAndNotificationsResume() throws Exception {
        RecordingSink sink = new RecordingSink();
        DeviceConfig config = device(ADDRESS, COUNT);
        DevicesLoop loop = new DevicesLoop(driver, config, sink);
        try {
            loop.openUntilConnected(WAIT);
            int startsBefore = Integer.parseInt(mock.command("starts " + STREAM));
            mock.command("stream " + STREAM + " 10 1000");
            await("notifications before").atMost(WAIT).until(() -> sink.of("count").size() >= 3);

            mock.command("goaway");
            await("the loss reported").atMost(WAIT).until(() -> !sink.lost.isEmpty());
            assertThat(sink.lost.get(0)).contains(ADDRESS);
            loop.session.close();
            int before = sink.of("count").size();
            // while the device is away every attempt fails, and the attempts space out
            loop.failUntil(WAIT, 4);
            assertThat(loop.failures).anySatisfy(f -> assertThat(f).contains("not found by hci0"));
            assertThat(loop.failures).anySatisfy(f -> assertThat(f).contains("reconnect attempt"));
            mock.command("comeback");
            loop.openUntilConnected(WAIT);
            await("notifications after").atMost(WAIT).until(() -> sink.of("count").size() >= before + 3);
            assertThat(Integer.parseInt(mock.command("starts " + STREAM))).isEqualTo(startsBefore + 1);
        } finally {
            mock.command("comeback");
            loop.close();
        }
    }

    @Test
    void theAdapterIsRemovedAndComesBack() throws Exception {
        RecordingSink sink = new RecordingSink();
        DevicesLoop loop = new DevicesLoop(driver, device(ADDRESS, TEMP), sink);
        try {
            loop.openUntilConnected(WAIT);
            mock.command("remove-adapter");
            await("the loss reported").atMost(WAIT).until(() -> !sink.lost.isEmpty());
            assertThat(sink.lost).containsExactly("adapter hci0 removed");
            loop.session.close();
            loop.failUntil(WAIT, 2);
            assertThat(loop.failures).anySatisfy(f -> assertThat(f).contains("no Bluetooth adapter"));
            mock.command("add-adapter");
            loop.openUntilConnected(WAIT);
            assertThat(loop.session.read(List.of(TEMP)).get("temp").value()).isEqualTo(21.5);
        } finally {
            mock.command("add-adapter");
            loop.close();
        }
    }

    static byte[] frame(int counter) {
        byte[] body = new byte[12];
        java.nio.ByteBuffer.wrap(body).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(counter).putLong(System.nanoTime());
        return withCrc(body);
    }

    static byte[] withCrc(byte[] body) {
        long crc = Crc.named("CRC-16/MODBUS").compute(body);
        byte[] out = java.util.Arrays.copyOf(body, body.length + 2);
        out[body.length] = (byte) crc;
        out[body.length + 1] = (byte) (crc >> 8);
        return out;
    }

    /** What the devices bundle does with a driver: open at each poll until it works, then subscribe. */
    static final class DevicesLoop implements AutoCloseable {
        final BleDriver driver;
        final DeviceConfig config;
        final RecordingSink sink;
        final List<String> failures = new ArrayList<>();
        DriverSession session;

        DevicesLoop(BleDriver driver, DeviceConfig config, RecordingSink sink) {
            this.driver = driver;
            this.config = config;
            this.sink = sink;
        }

        void openUntilConnected(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                try {
                    session = driver.open(config, sink);
                    session.subscribe(config.points().stream().filter(Point::cov).toList());
                    return;
                } catch (BleException e) {
                    failures.add(e.getMessage());
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("not reconnected: " + failures);
                    }
                    Thread.sleep(50);
                }
            }
        }

        void failUntil(Duration timeout, int count) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (failures.size() < count) {
                try {
                    driver.open(config, sink).close();
                    throw new AssertionError("connected while the device was away");
                } catch (BleException e) {
                    failures.add(e.getMessage());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + failures.size() + " failures: " + failures);
                }
                Thread.sleep(50);
            }
        }

        @Override
        public void close() {
            if (session != null) {
                session.close();
            }
        }
    }
}
