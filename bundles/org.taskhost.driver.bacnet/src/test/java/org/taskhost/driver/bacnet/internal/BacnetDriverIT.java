package org.taskhost.driver.bacnet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.device.Quality;

/** The Driver SPI over a simulated device: typed values and qualities, writes, COV into the sink, validation. */
class BacnetDriverIT {
    private static SimulatedDevice device;
    private static BacnetDriver driver;

    @BeforeAll
    static void start() throws Exception {
        int clientPort = SimulatedDevice.freeUdpPort();
        device = SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 2001, clientPort);
        driver = new BacnetDriver(config(clientPort));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.deactivate();
        }
        if (device != null) {
            device.close();
        }
    }

    static Point point(String id, String address, PointType type) {
        return new Point(id, address, type, "", true, null, true, "", Map.of());
    }

    static DeviceConfig config(String address, Map<String, String> options, List<Point> points) {
        return new DeviceConfig("dev", "bacnet", address, Duration.ofSeconds(1), true, Duration.ofMillis(500), 1,
                options, points, "");
    }

    @Test
    void readsTypedValuesWithABadPointAmongGoodOnes() throws Exception {
        List<Point> points = List.of(point("t", "analog-input:0", PointType.FLOAT), point("bi", "BI:1", PointType.BOOL),
                point("ms", "multi-state-input,0,present-value", PointType.INT), point("u", "AI:1/units", PointType.STRING),
                point("none", "AI:77", PointType.FLOAT));
        try (DriverSession session = driver.open(config(deviceAddress(), Map.of("max_per_request", "2"), points), sink(Map.of()))) {
            Map<String, PointValue> values = session.read(points);
            assertThat(values.get("t").value()).isEqualTo(200.6);
            assertThat(values.get("bi").value()).isEqualTo(true);
            assertThat(values.get("ms").value()).isEqualTo(2L);
            assertThat(values.get("u").value()).isEqualTo("percent");
            assertThat(values.get("none").quality()).isEqualTo(Quality.BAD);
            assertThat(values.get("none").reason()).isEqualTo("object: unknown-object");
            assertThat(values.values()).filteredOn(PointValue::isGood).hasSize(4);
        }
    }

    @Test
    void anArraysLengthAtIndexZeroIsANumber() throws Exception {
        List<Point> points = List.of(point("slots", "AO:0/priority-array[0]", PointType.INT),
                point("states", "MSI:0/state-text[0]", PointType.FLOAT), point("second", "MSI:0/state-text[2]", PointType.STRING));
        try (DriverSession session = driver.open(config(deviceAddress(), Map.of(), points), sink(Map.of()))) {
            Map<String, PointValue> values = session.read(points);
            assertThat(values.values()).allMatch(PointValue::isGood, "GOOD");
            assertThat(values).extractingFromEntries(e -> e.getValue().value()).containsExactly(16L, 3.0, "low");
        }
    }

    @Test
    void writesAndFollowsCovIntoTheSink() throws Exception {
        Point av = point("av", "AV:1", PointType.FLOAT);
        Map<String, PointValue> pushed = new ConcurrentHashMap<>();
        try (DriverSession session = driver.open(config(deviceAddress(), Map.of(), List.of(av)), sink(pushed))) {
            assertThat(session.subscribe(List.of(av))).containsExactly("av");
            session.write(av, 12.5, 8);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Double.valueOf(12.5).equals(pushed.getOrDefault("av", PointValue.bad("")).value()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pushed.get("av").value()).isEqualTo(12.5);
            assertThat(device.objects().get("objects").get("analog-value:1").get("priorityArray").get(7).asDouble()).isEqualTo(12.5);
            session.write(av, null, 8);
            assertThat(device.objects().get("objects").get("analog-value:1").get("presentValue").get(0).asDouble()).isEqualTo(101.0);
        }
        assertThat(device.objects().get("subscriptions").asInt()).as("cancelled at close").isZero();
    }

    @Test
    void aWriteToADeviceThatDoesNotAnswerIsATimeoutLikeARead() throws Exception {
        Point av = point("av", "AV:2", PointType.FLOAT);
        int silent = SimulatedDevice.freeUdpPort();
        DeviceConfig nobody = new DeviceConfig("nobody", "bacnet", "127.0.0.1:" + silent, Duration.ofSeconds(1), true,
                Duration.ofMillis(100), 1, Map.of(), List.of(av), "");
        try (DriverSession session = driver.open(nobody, sink(Map.of()))) {
            assertThatThrownBy(() -> session.read(List.of(av))).hasMessageContaining("no answer from device")
                    .hasRootCauseInstanceOf(TimeoutException.class);
            assertThatThrownBy(() -> session.write(av, 21.5, 8)).hasMessageContaining("no answer from device")
                    .hasMessageContaining("WriteProperty analog-value:2").hasRootCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void discoversWithTheDeviceName() throws Exception {
        List<DiscoveredDevice> found = driver.discover(Map.of("address", deviceAddress()), Duration.ofMillis(1500));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).address()).isEqualTo(deviceAddress());
        assertThat(found.get(0).name()).isEqualTo("sim-2001");
        assertThat(found.get(0).properties()).containsEntry("device_instance", "2001").containsEntry("vendor_id", "260");
        assertThatThrownBy(() -> driver.discover(Map.of("low", "5"), Duration.ofMillis(10)))
                .hasMessageContaining("low and high go together");
    }

    @Test
    void validationNamesTheField() {
        List<DeviceProblem> problems = driver.validate(config("127.0.0.1:99999", Map.of("max_per_request", "0", "colour", "red"),
                List.of(point("a", "analog-inptu:1", PointType.FLOAT), point("b", "AI:4194303", PointType.FLOAT),
                        point("c", "AI:1/present-valeu", PointType.FLOAT), point("d", "AI:1", PointType.BYTES))));
        assertThat(problems).extracting(DeviceProblem::toString).containsExactlyInAnyOrder(
                "address: port 99999 of '127.0.0.1:99999' is out of range 1..65535",
                "options.max_per_request: 0 is out of range 1..200",
                "options.colour: is not a BACnet device option (max_per_request, cov_lifetime, device_instance)",
                "points[0].address: unknown object type 'analog-inptu' (e.g. analog-input, AI, binary-value, 8)",
                "points[1].address: instance 4194303 of object 'AI:4194303' is out of range 0..4194302",
                "points[2].address: unknown property 'present-valeu' in 'AI:1/present-valeu' (e.g. present-value, units, priority-array, or a number)",
                "points[3].type: bytes is not supported by the BACnet driver (float, int, bool, string)");
        assertThat(driver.validate(config(deviceAddress(), Map.of(), List.of(point("a", "AO:1/priority-array[8]", PointType.FLOAT)))))
                .isEmpty();
    }

    private static PointSink sink(Map<String, PointValue> into) {
        return new PointSink() {
            @Override
            public void update(String pointId, PointValue value) {
                into.put(pointId, value);
            }

            @Override
            public void lost(String reason) {
                into.put("lost", PointValue.bad(reason));
            }
        };
    }

    private static String deviceAddress() {
        return "127.0.0.1:" + device.port;
    }

    static BacnetConfig config(int port) {
        return new BacnetConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return BacnetConfig.class;
            }

            @Override
            public int local__port() {
                return port;
            }

            @Override
            public String bind__address() {
                return "127.0.0.1";
            }

            @Override
            public int max__per__request() {
                return 20;
            }

            @Override
            public String discovery__address() {
                return "127.0.0.1:47808";
            }

            @Override
            public int cov__lifetime() {
                return 60;
            }
        };
    }
}
