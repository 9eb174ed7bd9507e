package org.taskhost.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.PointType;

class DeviceParserTest {

    static Map<String, Object> good() {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("id", "sp");
        point.put("address", "hold");
        point.put("type", "float");
        point.put("units", "degC");
        point.put("writable", true);
        point.put("write_priority", 8);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "ahu1");
        m.put("driver", "virtual");
        m.put("address", "sim");
        m.put("poll_interval", 0.5);
        m.put("points", new ArrayList<>(List.of(point, new LinkedHashMap<>(Map.of("id", "t", "address", "ramp")))));
        return m;
    }

    @Test
    void aGoodDefinitionGetsItsDefaultsAndRoundTrips() {
        DeviceConfig c = DeviceParser.parse(good());
        assertThat(c.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.retries()).isEqualTo(1);
        assertThat(c.enabled()).isTrue();
        assertThat(c.points()).hasSize(2);
        assertThat(c.points().get(0).writePriority()).isEqualTo(8);
        assertThat(c.points().get(1).type()).isEqualTo(PointType.FLOAT);
        assertThat(DeviceParser.parse(DeviceStore.fields(c))).isEqualTo(c);
    }

    @Test
    void textFromACfgFileIsRead() {
        Map<String, Object> m = good();
        m.put("poll_interval", "2");
        m.put("enabled", "false");
        m.put("retries", "3");
        DeviceConfig c = DeviceParser.parse(m);
        assertThat(c.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.enabled()).isFalse();
        assertThat(c.retries()).isEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> point(Map<String, Object> device, int i) {
        return ((List<Map<String, Object>>) device.get("points")).get(i);
    }

    interface Change {
        void apply(Map<String, Object> m);
    }

    static Arguments bad(String field, Change change) {
        return Arguments.of(field, change);
    }

    static Stream<Arguments> badDefinitions() {
        return Stream.of(
                bad("id", m -> m.remove("id")),
                bad("id", m -> m.put("id", "has space")),
                bad("id", m -> m.put("id", "events")),
                bad("driver", m -> m.remove("driver")),
                bad("driver", m -> m.put("driver", "BACnet!")),
                bad("poll_interval", m -> m.put("poll_interval", 0)),
                bad("poll_interval", m -> m.put("poll_interval", "often")),
                bad("timeout", m -> m.put("timeout", -1)),
                bad("retries", m -> m.put("retries", 11)),
                bad("retries", m -> m.put("retries", 1.5)),
                bad("enabled", m -> m.put("enabled", "yes")),
                bad("options", m -> m.put("options", List.of(1))),
                bad("options.nested", m -> m.put("options", Map.of("nested", Map.of()))),
                bad("pol_interval", m -> m.put("pol_interval", 1)),
                bad("points", m -> m.put("points", "sp")),
                bad("points[1]", m -> ((List<Object>) m.get("points")).set(1, "t")),
                bad("points[1].id", m -> point(m, 1).put("id", "sp")),
                bad("points[1].address", m -> point(m, 1).remove("address")),
                bad("points[0].type", m -> point(m, 0).put("type", "double")),
                bad("points[0].write_priority", m -> point(m, 0).put("write_priority", 17)),
                bad("points[1].write_priority", m -> point(m, 1).put("write_priority", 8)),
                bad("points[0].writable", m -> point(m, 0).put("writable", "sometimes")),
                bad("points[0].unit", m -> point(m, 0).put("unit", "degC")),
                bad("points[1].id", m -> point(m, 1).remove("id")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void aBadDefinitionIsRefusedNamingTheField(String field, Change change) {
        Map<String, Object> m = good();
        change.apply(m);
        InvalidDeviceException e = catchThrowableOfType(InvalidDeviceException.class, () -> DeviceParser.parse(m));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.problems()).extracting(DeviceProblem::field).contains(field);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> m = good();
        m.remove("driver");
        point(m, 0).put("type", "double");
        point(m, 1).remove("address");
        InvalidDeviceException e = catchThrowableOfType(InvalidDeviceException.class, () -> DeviceParser.parse(m));
        assertThat(e.problems()).extracting(DeviceProblem::field).containsExactly("driver", "points[0].type", "points[1].address");
    }

    @Test
    void theVirtualDriverRefusesAddressesItDoesNotKnow() {
        Map<String, Object> m = good();
        point(m, 1).put("address", "ramp:5:1:1");
        m.put("options", Map.of("colour", "red"));
        List<DeviceProblem> problems = new VirtualDriver().validate(DeviceParser.parse(m));
        assertThat(problems).extracting(DeviceProblem::field).containsExactlyInAnyOrder("points[1].address", "options.colour");
    }
}
