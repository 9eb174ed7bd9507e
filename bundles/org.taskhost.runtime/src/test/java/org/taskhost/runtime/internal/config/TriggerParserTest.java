package org.taskhost.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.TriggerSpec;

class TriggerParserTest {

    private static final String REACTIVE = "parameters:\n  mode: reactive\npvs:\n  inputs:\n    LEVEL: {type: float}\n";
    private static final String TRIGGERED = "parameters:\n  mode: triggered\npvs:\n  inputs:\n    LEVEL: {type: float}\n";

    private final ConfigParser parser = new ConfigParser("config.yaml");

    @Test
    void readsMqttAndPointTriggersInFileOrder() throws Exception {
        var d = parser.parse(REACTIVE + "triggers:\n  - mqtt: site/+/level\n    input: LEVEL\n    field: reading.value\n"
                + "  - point: tank1/level\n    input: LEVEL\n");
        assertThat(d.triggers()).containsExactly(
                new TriggerSpec(TriggerSpec.MQTT, "site/+/level", "LEVEL", "reading.value"),
                new TriggerSpec(TriggerSpec.POINT, "tank1/level", "LEVEL", null));
    }

    @Test
    void aJobAndATriggeredTaskNeedNoInput() throws Exception {
        assertThat(parser.parse(TRIGGERED + "triggers:\n  - mqtt: site/#\n").triggers())
                .containsExactly(new TriggerSpec(TriggerSpec.MQTT, "site/#", null, null));
        assertThat(parser.parse("parameters:\n  mode: job\ntriggers:\n  - mqtt: jobs/run\n").triggers()).hasSize(1);
    }

    @Test
    void bleNotifyIsAPointTrigger() throws Exception {
        assertThat(parser.parse(REACTIVE + "triggers:\n  - ble_notify: sensor1/temp\n    input: LEVEL\n").triggers())
                .containsExactly(new TriggerSpec(TriggerSpec.POINT, "sensor1/temp", "LEVEL", null));
    }

    @Test
    void noTriggersIsAnEmptyList() throws Exception {
        assertThat(parser.parse(REACTIVE).triggers()).isEmpty();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
            Arguments.of(REACTIVE + "triggers: site/level\n",
                "config.yaml:6:11: field 'triggers': must be a list of triggers such as '- mqtt: site/+/alarm'"),
            Arguments.of("triggers:\n  - mqtt: a/b\n",
                "config.yaml:2:3: field 'triggers': a continuous task runs every interval; triggers need parameters.mode triggered or reactive, or a job"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: a/b\n    point: d/p\n",
                "config.yaml:7:5: field 'triggers[0]': needs exactly one of mqtt (a topic filter) or point (device/point)"),
            Arguments.of(TRIGGERED + "triggers:\n  - input: LEVEL\n",
                "config.yaml:7:5: field 'triggers[0]': needs exactly one of mqtt (a topic filter) or point (device/point)"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: a/#/b\n",
                "config.yaml:7:11: field 'triggers[0].mqtt': '#' must be a whole level and the last one, got 'a/#/b'"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: a/b+\n",
                "config.yaml:7:11: field 'triggers[0].mqtt': '+' must be a whole level, got 'a/b+'"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: 5\n",
                "config.yaml:7:11: field 'triggers[0].mqtt': must be text, got integer 5"),
            Arguments.of(TRIGGERED + "triggers:\n  - point: justapoint\n",
                "config.yaml:7:12: field 'triggers[0].point': must be device/point, such as ahu1/supply_temp, got 'justapoint'"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: a/b\n    input: NOPE\n",
                "config.yaml:8:12: field 'triggers[0].input': names no input of this plugin; inputs are [LEVEL]"),
            Arguments.of(REACTIVE + "triggers:\n  - mqtt: a/b\n",
                "config.yaml:7:5: field 'triggers[0]': a reactive task runs on a put: name the input that receives the value"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: a/b\n    field: value\n",
                "config.yaml:8:12: field 'triggers[0].field': takes a field of the payload for an input: add input"),
            Arguments.of(TRIGGERED + "triggers:\n  - mqtt: a/b\n    qos: 2\n",
                "config.yaml:8:10: field 'triggers[0].qos': unknown key; a trigger has mqtt, point or ble_notify, and optionally input and field"),
            Arguments.of(TRIGGERED + "triggers:\n  - point: d/p\n    input: LEVEL\n    field: value\n",
                "config.yaml:9:12: field 'triggers[0].field': takes a field of a JSON payload: only an mqtt trigger has one (a point's value is put whole)"),
            Arguments.of(TRIGGERED + "triggers:\n  - a/b\n",
                "config.yaml:7:5: field 'triggers[0]': must be a mapping such as {mqtt: site/+/alarm, input: LEVEL}"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String yaml, String problem) {
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).extracting(Object::toString).contains(problem));
    }
}
