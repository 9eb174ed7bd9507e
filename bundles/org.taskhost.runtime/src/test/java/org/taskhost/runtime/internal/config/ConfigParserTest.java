package org.taskhost.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.ConfigProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.PluginMode;

class ConfigParserTest {

    private final ConfigParser parser = new ConfigParser("config.yaml");

    static Stream<Arguments> malformed() {
        return Stream.of(
            Arguments.of("top level is a list", "- a\n- b\n",
                "config.yaml:1:1: the top level must be a mapping of keys such as parameters, pvs, prefix, class"),
            Arguments.of("parameters not a mapping", "parameters: 5\n",
                "config.yaml:1:13: field 'parameters': must be a mapping of parameter names to values"),
            Arguments.of("prefix is a list", "prefix: [a, b]\n",
                "config.yaml:1:9: field 'prefix': must be text, got a list"),
            Arguments.of("prefix with a space", "prefix: 'has space'\n",
                "config.yaml:1:9: field 'prefix': may hold only letters, digits, '_', '-', ':' and '.', got 'has space'"),
            Arguments.of("class is a number", "class: 3\n",
                "config.yaml:1:8: field 'class': must be text, got integer 3"),
            Arguments.of("class not a Java name", "class: 'my task'\n",
                "config.yaml:1:8: field 'class': must be a Java class name such as org.example.MyTask, got 'my task'"),
            Arguments.of("unknown mode", "parameters:\n  mode: sometimes\n",
                "config.yaml:2:9: field 'parameters.mode': must be continuous, triggered, reactive or job, got 'sometimes'"),
            Arguments.of("interval is text", "parameters:\n  interval: fast\n",
                "config.yaml:2:13: field 'parameters.interval': must be a number, got 'fast'"),
            Arguments.of("interval not positive", "parameters:\n  interval: -1\n",
                "config.yaml:2:13: field 'parameters.interval': must be a number of seconds above 0, got -1"),
            Arguments.of("pvs is a list", "pvs: [1]\n",
                "config.yaml:1:6: field 'pvs': must be a mapping with inputs and outputs"),
            Arguments.of("inputs is a number", "pvs:\n  inputs: 7\n",
                "config.yaml:2:11: field 'pvs.inputs': must be a mapping of PV names to definitions"),
            Arguments.of("PV definition is a number", "pvs:\n  inputs:\n    X: 5\n",
                "config.yaml:3:8: field 'pvs.inputs.X': a PV definition must be a mapping with at least a type"),
            Arguments.of("unknown PV type", "pvs:\n  inputs:\n    X:\n      type: complex\n",
                "config.yaml:4:13: field 'pvs.inputs.X.type': unknown PV type 'complex'; known types are float, int, string, bool, enum, waveform"),
            Arguments.of("reserved PV name", "pvs:\n  outputs:\n    STATUS:\n      type: int\n",
                "config.yaml:4:7: field 'pvs.outputs.STATUS': PV name 'STATUS' is reserved for the runtime (reserved: [CLEAR, CYCLE_COUNT, ENABLE, MESSAGE, RESET, RUN, STATUS, VERSION])"),
            Arguments.of("PV both input and output", "pvs:\n  inputs:\n    A:\n      type: int\n  outputs:\n    A:\n      type: int\n",
                "config.yaml:7:7: field 'pvs.outputs.A': PV 'A' is both an input and an output (also in pvs.inputs)"),
            Arguments.of("duplicate PV name", "pvs:\n  inputs:\n    A:\n      type: int\n    A:\n      type: float\n",
                "config.yaml:5:5: field 'pvs.inputs.A': duplicate key 'A'"),
            Arguments.of("low above high", "pvs:\n  inputs:\n    A:\n      low: 10\n      high: 0\n",
                "config.yaml:4:12: field 'pvs.inputs.A.low': low (10.0) must not be above high (0.0)"),
            Arguments.of("drvl above drvh", "pvs:\n  inputs:\n    A:\n      drvl: 5\n      drvh: 1\n",
                "config.yaml:4:13: field 'pvs.inputs.A.drvl': drvl (5.0) must not be above drvh (1.0)"),
            Arguments.of("alarm limits out of order", "pvs:\n  outputs:\n    A:\n      alarm:\n        high: 90\n        hihi: 80\n",
                "config.yaml:5:15: field 'pvs.outputs.A.alarm.high': high (90.0) must not be above hihi (80.0)"),
            Arguments.of("prec is text", "pvs:\n  outputs:\n    A:\n      prec: two\n",
                "config.yaml:4:13: field 'pvs.outputs.A.prec': must be a whole number, got 'two'"),
            Arguments.of("prec too large", "pvs:\n  outputs:\n    A:\n      prec: 20\n",
                "config.yaml:4:13: field 'pvs.outputs.A.prec': must be from 0 to 17, got 20"),
            Arguments.of("unknown PV key", "pvs:\n  outputs:\n    A:\n      unti: V\n",
                "config.yaml:4:13: field 'pvs.outputs.A.unti': unknown key; known keys are alarm, alarm_on, desc, drvh, drvl, enum, high, length, low, onam, point, prec, type, unit, value, znam, link, link_mode, mode, poll_rate"),
            Arguments.of("int value is text", "pvs:\n  inputs:\n    N:\n      type: int\n      value: abc\n",
                "config.yaml:5:14: field 'pvs.inputs.N.value': initial value for a int PV: expected a whole number, got 'abc'"),
            Arguments.of("bool value 2", "pvs:\n  inputs:\n    B:\n      type: bool\n      value: 2\n",
                "config.yaml:5:14: field 'pvs.inputs.B.value': initial value for a bool PV: expected 0 or 1, got 2"),
            Arguments.of("enum without labels", "pvs:\n  inputs:\n    E:\n      type: enum\n",
                "config.yaml:4:13: field 'pvs.inputs.E.type': an enum PV needs an enum list of labels"),
            Arguments.of("enum with 17 labels", "pvs:\n  inputs:\n    E:\n      type: enum\n      enum: [a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q]\n",
                "config.yaml:5:13: field 'pvs.inputs.E.enum': has 17 labels; EPICS allows at most 16"),
            Arguments.of("unknown alarm severity", "pvs:\n  outputs:\n    A:\n      high: 5\n      alarm_on: SEVERE\n",
                "config.yaml:5:17: field 'pvs.outputs.A.alarm_on': unknown alarm severity 'SEVERE'; known: NO_ALARM, MINOR, MAJOR, INVALID"),
            Arguments.of("value outside drive limits", "pvs:\n  inputs:\n    A:\n      drvh: 10\n      value: 11\n",
                "config.yaml:5:14: field 'pvs.inputs.A.value': initial value 11.0 is outside drvl..drvh null..10.0"),
            Arguments.of("unknown top-level key", "triger: yes\n",
                "config.yaml:1:9: field 'triger': unknown key; known keys are arguments, class, parameters, prefix, pvs, triggers"),
            Arguments.of("latches not yet supported", "pvs:\n  inputs:\n    A:\n      latch: true\n",
                "config.yaml:4:14: field 'pvs.inputs.A.latch': is not supported by this version of taskhost"),
            Arguments.of("a point without a slash", "pvs:\n  inputs:\n    A:\n      point: ahu1\n",
                "config.yaml:4:14: field 'pvs.inputs.A.point': 'ahu1' is not <device>/<point>"),
            Arguments.of("a point with a space", "pvs:\n  outputs:\n    A:\n      point: 'ahu 1/t'\n",
                "config.yaml:4:14: field 'pvs.outputs.A.point': 'ahu 1/t': device and point ids are letters, digits, '_', '.' or '-'"),
            Arguments.of("a point and a link", "pvs:\n  inputs:\n    A:\n      link: 'X:Y'\n      point: ahu1/sp\n",
                "config.yaml:5:14: field 'pvs.inputs.A.point': a PV follows either a link or a point, not both"),
            Arguments.of("a link on an output", "pvs:\n  outputs:\n    A:\n      link: 'X:Y'\n",
                "config.yaml:4:13: field 'pvs.outputs.A.link': applies only to inputs: an input follows the external PV"),
            Arguments.of("a link mode without a link", "pvs:\n  inputs:\n    A:\n      link_mode: monitor\n",
                "config.yaml:4:18: field 'pvs.inputs.A.link_mode': applies only to an input with a link"),
            Arguments.of("an unknown link mode", "pvs:\n  inputs:\n    A:\n      link: 'X:Y'\n      link_mode: push\n",
                "config.yaml:5:18: field 'pvs.inputs.A.link_mode': must be monitor or poll, got 'push'"),
            Arguments.of("a link target with a space", "pvs:\n  inputs:\n    A:\n      link: 'X Y'\n",
                "config.yaml:4:13: field 'pvs.inputs.A.link': must be a PV name (letters, digits and _ : . - [ ] { } $), got 'X Y'"),
            Arguments.of("a poll rate of zero", "pvs:\n  inputs:\n    A:\n      link: 'X:Y'\n      poll_rate: 0\n",
                "config.yaml:5:18: field 'pvs.inputs.A.poll_rate': must be > 0 seconds, got 0.0"),
            Arguments.of("a link state PV clashing with an output", "pvs:\n  inputs:\n    A:\n      link: 'X:Y'\n  outputs:\n    A_CONN: {type: int}\n",
                "config.yaml:6:13: field 'pvs.outputs.A_CONN': PV name 'A_CONN' is taken by the state PV of the link of A"),
            Arguments.of("waveform without length", "pvs:\n  outputs:\n    W:\n      type: waveform\n",
                "config.yaml:4:13: field 'pvs.outputs.W.type': a waveform needs a length"),
            Arguments.of("string value too long", "pvs:\n  inputs:\n    S:\n      type: string\n      value: '" + "x".repeat(41) + "'\n",
                "config.yaml:5:14: field 'pvs.inputs.S.value': initial value for a string PV: text longer than 40 characters (41)"),
            Arguments.of("PV name with a space", "pvs:\n  inputs:\n    MY PV:\n      type: int\n",
                "config.yaml:4:7: field 'pvs.inputs.MY PV': PV name 'MY PV' may hold only letters, digits, '_' and '-'"),
            Arguments.of("znam on a float", "pvs:\n  inputs:\n    F:\n      znam: Low\n",
                "config.yaml:4:13: field 'pvs.inputs.F.znam': znam and onam apply only to type bool"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedConfigNamesLineColumnAndField(String title, String yaml, String expected) {
        assertThatThrownBy(() -> parser.parse(yaml)).isInstanceOf(ConfigException.class).hasMessage(expected);
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> parser.parse("parameters:\n  mode: [continuous\n  interval: 1\n"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("config.yaml:3:")
            .hasMessageContaining("YAML syntax error");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> parser.parse("prefix: 3\nparameters:\n  interval: 0\n"))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::field)
                .containsExactly("prefix", "parameters.interval"));
    }

    @Test
    void emptyFileIsAContinuousTaskWithoutPvs() throws Exception {
        PluginDescriptor d = parser.parse("");
        assertThat(d.mode()).isEqualTo(PluginMode.CONTINUOUS);
        assertThat(d.inputs()).isEmpty();
    }

    @Test
    void readsTheMonitorSample() throws Exception {
        PluginDescriptor d = parser.parse(Files.readString(Path.of("../../plugins-sample/monitor/config.yaml")));
        assertThat(d.parameters()).containsEntry("threshold", 75.0).containsEntry("interval", 1.0);
        PvSpec setpoint = d.inputs().get(0);
        assertThat(setpoint.name()).isEqualTo("SETPOINT");
        assertThat(setpoint.writable()).isTrue();
        assertThat(setpoint.initial()).isEqualTo(50.0);
        assertThat(setpoint.unit()).isEqualTo("%");
        assertThat(setpoint.precision()).isEqualTo(2);
        assertThat(setpoint.driveHigh()).isEqualTo(100.0);
        PvSpec reading = d.outputs().get(0);
        assertThat(reading.writable()).isFalse();
        assertThat(reading.alarms().severityOf(80)).isEqualTo(AlarmSeverity.MINOR);
        assertThat(reading.alarms().severityOf(95)).isEqualTo(AlarmSeverity.MAJOR);
        PvSpec alarm = d.outputs().get(1);
        assertThat(alarm.type()).isEqualTo(PvType.BOOL);
        assertThat(alarm.labels()).containsExactly("OK", "ALARM");
        assertThat(alarm.alarms().severityOf(1)).isEqualTo(AlarmSeverity.MAJOR);
    }

    @Test
    void argumentsIsAnAliasOfPvsAndIocmngTriggeredFlagSetsTheMode() throws Exception {
        PluginDescriptor d = parser.parse("parameters:\n  triggered: true\narguments:\n  inputs:\n    GAIN: {type: int, value: 3}\n");
        assertThat(d.mode()).isEqualTo(PluginMode.TRIGGERED);
        assertThat(d.inputs()).singleElement().satisfies(s -> assertThat(s.initial()).isEqualTo(3L));
    }

    @Test
    void aPvMayShowADevicePoint() throws Exception {
        PluginDescriptor d = parser.parse("pvs:\n  inputs:\n    SP: {type: float, point: ahu1/setpoint}\n  outputs:\n    T: {point: ahu1/temp, unit: degC}\n");
        assertThat(d.inputs().get(0).point()).isEqualTo(new org.taskhost.api.device.PointRef("ahu1", "setpoint"));
        assertThat(d.outputs().get(0).point()).isEqualTo(new org.taskhost.api.device.PointRef("ahu1", "temp"));
        assertThat(d.outputs().get(0).unit()).isEqualTo("degC");
    }

    @Test
    void aLinkedInputFollowsItsTargetAndGetsAStatePv() throws Exception {
        PluginDescriptor d = new ConfigParser("config.yaml").parse(
                "pvs:\n  inputs:\n    SRC: {type: int, link: 'OTHER:COUNT', link_mode: monitor}\n    P: {link: 'OTHER:X', poll_rate: 0.5}\n");
        assertThat(d.inputs().get(0).link()).isEqualTo(new org.taskhost.api.pv.PvLink("OTHER:COUNT", org.taskhost.api.pv.PvLink.Mode.MONITOR, 1.0));
        assertThat(d.inputs().get(0).point()).isNull();
        assertThat(d.inputs().get(1).link()).isEqualTo(new org.taskhost.api.pv.PvLink("OTHER:X", org.taskhost.api.pv.PvLink.Mode.POLL, 0.5));
        assertThat(d.outputs()).extracting(org.taskhost.api.pv.PvSpec::name).containsExactly("SRC_CONN", "P_CONN");
        assertThat(d.outputs().get(0).labels()).containsExactly("Disconnected", "Connected");
        assertThat(d.outputs().get(0).writable()).isFalse();
    }

    @Test
    void enumAndWaveformDefinitions() throws Exception {
        PluginDescriptor d = parser.parse("pvs:\n  outputs:\n    M: {type: enum, enum: [OFF, LOW, HIGH], value: HIGH}\n"
            + "    W: {type: waveform, length: 4, value: [1, 2.5]}\n");
        assertThat(d.outputs().get(0).initial()).isEqualTo(2);
        assertThat((double[]) d.outputs().get(1).initial()).containsExactly(1.0, 2.5);
    }
}
