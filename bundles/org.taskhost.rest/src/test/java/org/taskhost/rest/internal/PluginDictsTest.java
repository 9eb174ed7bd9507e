package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.json.TaskhostJson;

import com.fasterxml.jackson.core.type.TypeReference;

/** The plugin dict and PluginStartupInfo, checked against what iocmng 2.7's own API tests expect of them. */
class PluginDictsTest {

    /** The fields of iocmng's PluginStartupInfo, in its order. */
    static final List<String> STARTUP_FIELDS = List.of("name", "plugin_type", "auto_start", "auto_start_on_boot",
            "autostart_order", "pv_prefix", "plugin_prefix", "mode", "start_parameters", "arguments", "pv_definitions",
            "base_control_pvs", "additional_input_pvs", "additional_output_pvs", "built_pvs");

    /** iocmng's tests/test_api.py TASK_CONFIG, with its REST override of threshold. */
    static Fakes.Config taskConfig() {
        Map<String, Object> merged = new LinkedHashMap<>();
        merged.put("mode", "continuous");
        merged.put("interval", 0.1);
        merged.put("threshold", 77.0);
        return new Fakes.Config(Optional.empty(), Optional.of("MY_TASK"), Optional.of(PluginKind.TASK), PluginMode.CONTINUOUS,
                merged, Map.of("mode", "continuous", "interval", 0.1, "threshold", 50.0), List.of(),
                List.of(PvSpec.builder("VALUE", PvType.FLOAT).initial(0.0).build()));
    }

    /** iocmng's tests/test_api.py JOB_CONFIG: {@code parameters: {mode: job}}. */
    static Fakes.Config jobConfig() {
        return new Fakes.Config(Optional.empty(), Optional.of("MY_JOB"), Optional.of(PluginKind.JOB), PluginMode.ON_REQUEST,
                Map.of("mode", "job"), Map.of("mode", "job"), List.of(),
                List.of(PvSpec.builder("SYSTEM_NAME", PvType.STRING).initial("").build()));
    }

    @Test
    void aTaskHasIocmngsStartupInfoWithAllItsControlPvsAndFullBuiltNames() {
        var info = Fakes.info("startup-task", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.READY, "RUN", "Task running", taskConfig());
        var kept = Fakes.kept("startup-task", "task", Map.of("threshold", 77.0));
        Map<String, Object> d = json(PluginDicts.startup("startup-task", Optional.of(info), Optional.of(kept)));

        assertThat(d.keySet()).containsExactlyElementsOf(STARTUP_FIELDS);
        assertThat(d).contains(entry("name", "startup-task"), entry("plugin_type", "task"), entry("auto_start", true),
                entry("auto_start_on_boot", true), entry("autostart_order", 5), entry("pv_prefix", "BEAMLINE:DEFAULT:MY_TASK"),
                entry("plugin_prefix", "MY_TASK"), entry("mode", "continuous"));
        assertThat(map(d.get("start_parameters"))).containsEntry("threshold", 77.0).containsEntry("interval", 0.1);
        assertThat(list(d.get("base_control_pvs"))).containsExactly("ENABLE", "STATUS", "MESSAGE", "CYCLE_COUNT", "RUN",
                "VERSION", "CLEAR", "RESET");
        assertThat(list(d.get("additional_input_pvs"))).isEmpty();
        assertThat(list(d.get("additional_output_pvs"))).containsExactly("VALUE");
        assertThat(list(d.get("built_pvs"))).hasSize(9).startsWith("BEAMLINE:DEFAULT:MY_TASK:ENABLE")
                .endsWith("BEAMLINE:DEFAULT:MY_TASK:VALUE");
        assertThat(d.get("arguments")).isEqualTo(d.get("pv_definitions"));
        assertThat(d.get("pv_definitions")).isEqualTo(Map.of("inputs", Map.of(), "outputs",
                Map.of("VALUE", Map.of("type", "float", "value", 0.0, "unit", "", "prec", 3, "low", 0.0, "high", 100.0))));
    }

    @Test
    void aJobHasNoModeAsInIocmngButItsStartParametersKeepModeJob() throws Exception {
        var info = Fakes.info("startup-job", PluginKind.JOB, PluginMode.ON_REQUEST, PluginPhase.READY, "IDLE", "Idle", jobConfig());
        Map<String, Object> d = json(PluginDicts.of("startup-job", Optional.of(info), Optional.of(Fakes.kept("startup-job", "job", Map.of()))));
        assertThat(d).contains(entry("plugin_type", "job"), entry("mode", null), entry("status", "loaded"), entry("phase", "ready"),
                entry("running", false), entry("pv_prefix", "BEAMLINE:DEFAULT:MY_JOB"), entry("plugin_prefix", "MY_JOB"));
        assertThat(map(d.get("start_parameters"))).containsEntry("mode", "job");
        assertThat(list(d.get("base_control_pvs"))).containsExactly("STATUS", "MESSAGE", "RUN");
        assertThat(list(d.get("additional_output_pvs"))).containsExactly("SYSTEM_NAME");
        assertThat(JsonProvider.MAPPER.writeValueAsString(d)).contains("\"mode\":null", "\"plugin_type\":\"job\"");
    }

    @Test
    void theDictKeepsTaskhostsFieldsAndOverridesApartFromTheMergedParameters() throws Exception {
        var info = Fakes.info("web", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.READY, "RUN", "Task running", taskConfig());
        Map<String, Object> d = json(PluginDicts.of("web", Optional.of(info), Optional.of(Fakes.kept("web", "task", Map.of("threshold", 77.0)))));
        assertThat(d).contains(entry("status", "running"), entry("running", true), entry("state", "RUN"), entry("phase", "ready"),
                entry("message", "Task running"), entry("enabled", true), entry("cycle_count", 12L), entry("error_count", 3L), entry("overrun_count", 1L), entry("commit", "4f0c2d1e"),
                entry("git_url", "file:///srv/repos/web.git"), entry("branch", "main"), entry("class_name", "Example"),
                entry("parameters", Map.of("threshold", 77.0)), entry("version", "1.0"));
        assertThat(d.keySet()).containsAll(STARTUP_FIELDS);
        assertThat(JsonProvider.MAPPER.writeValueAsString(d)).contains("\"parameters\":{\"threshold\":77.0}");
    }

    @Test
    void theStatusFollowsTheTypedPhase() {
        var config = taskConfig();
        assertThat(status(PluginPhase.STOPPED, "STOPPED")).isEqualTo("stopped");
        assertThat(status(PluginPhase.FAILED, "ERROR")).isEqualTo("error");
        assertThat(status(PluginPhase.INITIALIZING, "INIT")).isEqualTo("loaded");
        assertThat(status(PluginPhase.INSTALLING, "INIT")).isEqualTo("loaded");
        assertThat(status(PluginPhase.READY, "PAUSED")).isEqualTo("running");
        assertThat(status(PluginPhase.READY, "ERROR")).as("its last cycle failed").isEqualTo("error");
        var failed = Fakes.info("broken", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.FAILED, "ERROR",
                "initialize() failed: no crate", config);
        assertThat(json(PluginDicts.of("broken", Optional.of(failed), Optional.empty()))).contains(entry("phase", "failed"),
                entry("running", false), entry("message", "initialize() failed: no crate"), entry("auto_start_on_boot", false));
    }

    private static String status(PluginPhase phase, String status) {
        PluginInfo info = Fakes.info("t", PluginKind.TASK, PluginMode.CONTINUOUS, phase, status, "", taskConfig());
        return PluginDicts.status(info.phase(), info.kind(), info.state());
    }

    @Test
    void aStoppedPluginStillShowsThePvsItServesWhenItRuns() {
        var stopped = Fakes.info("t", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.STOPPED, "STOPPED", "", taskConfig());
        Map<String, Object> d = json(PluginDicts.of("t", Optional.of(stopped), Optional.of(Fakes.kept("t", "task", Map.of()))));
        assertThat(d).contains(entry("status", "stopped"), entry("phase", "stopped"), entry("running", false), entry("mode", "continuous"));
        assertThat(list(d.get("built_pvs"))).contains("BEAMLINE:DEFAULT:MY_TASK:VALUE");
    }

    @Test
    void aPluginOnlyTheLoaderKeepsIsStoppedWithoutPvs() {
        Map<String, Object> d = json(PluginDicts.of("ghost-1", Optional.empty(), Optional.of(Fakes.kept("ghost-1", "job", Map.of("a", 1)))));
        assertThat(d).contains(entry("plugin_type", "job"), entry("phase", "stopped"), entry("status", "stopped"),
                entry("pv_prefix", null), entry("plugin_prefix", "GHOST-1"), entry("mode", null), entry("built_pvs", List.of()),
                entry("start_parameters", Map.of("a", 1)));
    }

    @Test
    void pvDefinitionsUseConfigYamlKeysAndLeaveOutTheConnectionPvsOfLinks() {
        PvSpec setpoint = PvSpec.builder("SETPOINT", PvType.FLOAT).writable(true).initial(50.0).unit("%").precision(2)
                .display(0, 100).drive(0.0, 100.0).build();
        PvSpec linked = PvSpec.builder("BEAM", PvType.FLOAT).writable(true).initial(0.0)
                .link(new PvLink("SR:CURRENT", PvLink.Mode.MONITOR, 1.0)).build();
        PvSpec alarm = PvSpec.builder("ALARM", PvType.BOOL).initial(0).labels(List.of("OK", "ALARM"))
                .alarms(new AlarmLimits(null, null, 1.0, null, AlarmSeverity.NO_ALARM, AlarmSeverity.NO_ALARM, AlarmSeverity.MAJOR,
                        AlarmSeverity.NO_ALARM)).build();
        PvSpec mode = PvSpec.builder("MODE", PvType.ENUM).writable(true).initial(0).labels(List.of("OFF", "ON")).description("what").build();
        PvSpec trace = PvSpec.builder("TRACE", PvType.WAVEFORM).initial(new double[] {1, 2}).length(8).build();
        PvSpec conn = PvSpec.builder(PvLink.connectionPv("BEAM"), PvType.BOOL).initial(0).build();
        var config = new Fakes.Config(Optional.empty(), Optional.empty(), Optional.empty(), PluginMode.REACTIVE, Map.of("mode", "reactive"),
                Map.of(), List.of(setpoint, linked, mode), List.of(alarm, trace, conn));
        var info = Fakes.info("inter", PluginKind.TASK, PluginMode.REACTIVE, PluginPhase.READY, "RUN", "", config);
        Map<String, Object> d = json(PluginDicts.startup("inter", Optional.of(info), Optional.empty()));

        Map<String, Object> inputs = map(map(d.get("pv_definitions")).get("inputs"));
        Map<String, Object> outputs = map(map(d.get("pv_definitions")).get("outputs"));
        assertThat(inputs.keySet()).containsExactly("SETPOINT", "BEAM", "MODE");
        assertThat(outputs.keySet()).containsExactly("ALARM", "TRACE");
        assertThat(map(inputs.get("SETPOINT"))).containsExactly(entry("type", "float"), entry("value", 50.0), entry("unit", "%"),
                entry("prec", 2), entry("low", 0.0), entry("high", 100.0), entry("drvl", 0.0), entry("drvh", 100.0));
        assertThat(map(inputs.get("BEAM"))).contains(entry("link", "SR:CURRENT"), entry("link_mode", "monitor"), entry("poll_rate", 1.0));
        assertThat(map(inputs.get("MODE"))).contains(entry("enum", List.of("OFF", "ON")), entry("desc", "what"));
        assertThat(map(outputs.get("ALARM"))).containsExactly(entry("type", "bool"), entry("value", 0), entry("znam", "OK"),
                entry("onam", "ALARM"), entry("alarm", Map.of("high", 1.0, "high_severity", "MAJOR")));
        assertThat(map(outputs.get("TRACE"))).contains(entry("value", List.of(1.0, 2.0)), entry("length", 8));
        assertThat(list(d.get("additional_output_pvs"))).containsExactly("ALARM", "TRACE");
        assertThat(list(d.get("built_pvs"))).contains("BEAMLINE:DEFAULT:INTER:BEAM_CONN");
        assertThat(d).contains(entry("mode", "reactive"), entry("plugin_prefix", "INTER"), entry("auto_start_on_boot", false));
    }

    @Test
    void namesAreTheRuntimesAndTheLoadersSorted() {
        var a = Fakes.info("b", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.READY, "RUN", "", taskConfig());
        assertThat(PluginDicts.names(List.of(a), List.of(Fakes.kept("a", "task", Map.of()), Fakes.kept("b", "task", Map.of()))))
                .containsExactly("a", "b");
    }

    /** @return the answer as its JSON has it (numbers keep the type they are written with) */
    static Map<String, Object> json(Object answer) {
        return TaskhostJson.mapper().convertValue(answer, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
