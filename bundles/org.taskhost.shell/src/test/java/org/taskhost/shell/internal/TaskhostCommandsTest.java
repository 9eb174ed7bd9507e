package org.taskhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;

class TaskhostCommandsTest {

    record Info(String name, PluginKind kind, PluginMode mode, String className, long bundleId, PluginPhase phase,
            PluginState state, String version, String pvPrefix, Optional<PluginConfig> config, List<PvSpec> pvSpecs,
            int controlPvCount) implements PluginInfo {
    }

    record Config(Optional<String> className, Optional<String> prefix, Optional<PluginKind> kind, PluginMode mode,
            Map<String, Object> parameters, Map<String, Object> defaults, List<PvSpec> inputs, List<PvSpec> outputs)
            implements PluginConfig {
    }

    static Info plugin(String name, PluginKind kind, PluginMode mode, PluginPhase phase, String status, String message, long bundle) {
        PluginState s = new PluginState(status, 0, message, phase == PluginPhase.READY, 3, 0, 1, null, phase);
        Config c = new Config(Optional.empty(), Optional.empty(), Optional.of(kind), mode, Map.of("interval", 0.5), Map.of(),
                List.of(), List.of(PvSpec.builder("READING", PvType.FLOAT).build()));
        return new Info(name, kind, mode, "Plugin", bundle, phase, s, "1.0", "BEAMLINE:DEFAULT:" + name.toUpperCase(),
                Optional.of(c), List.of(PvSpec.builder("STATUS", PvType.ENUM).build(), PvSpec.builder("READING", PvType.FLOAT).build()), 1);
    }

    @Test
    void theListShowsEveryPluginWithItsPhaseStoppedAndFailedOnesToo() {
        String text = TaskhostCommands.table(List.of(
                plugin("scaler", PluginKind.TASK, PluginMode.REACTIVE, PluginPhase.STOPPED, "STOPPED", "Stopped", 18),
                plugin("monitor", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.READY, "RUN", "Task running", 16),
                plugin("broken", PluginKind.TASK, PluginMode.CONTINUOUS, PluginPhase.FAILED, "ERROR", "initialize() failed: no crate", 19),
                plugin("diagnostics", PluginKind.JOB, PluginMode.ON_REQUEST, PluginPhase.READY, "IDLE", "Idle", 15)));
        assertThat(text).isEqualTo("""
                NAME         KIND  MODE        PHASE    STATUS   ENABLED  CYCLES  ERRORS  BUNDLE  MESSAGE
                broken       TASK  CONTINUOUS  FAILED   ERROR    no       3       1       19      initialize() failed: no crate
                diagnostics  JOB   ON_REQUEST  READY    IDLE     yes      3       1       15      Idle
                monitor      TASK  CONTINUOUS  READY    RUN      yes      3       1       16      Task running
                scaler       TASK  REACTIVE    STOPPED  STOPPED                           18      Stopped
                """);
        assertThat(TaskhostCommands.table(List.of())).isEqualTo("no plugins\n");
    }

    @Test
    void infoShowsThePhaseAndWhatAStoppedPluginWouldServe() {
        String text = TaskhostCommands.info(plugin("scaler", PluginKind.TASK, PluginMode.REACTIVE, PluginPhase.STOPPED, "STOPPED", "", 18),
                Optional.empty());
        assertThat(text).containsPattern("(?m)^phase +STOPPED$").containsPattern("(?m)^PVs +2 \\(served when it runs\\)$")
                .containsPattern("(?m)^PV prefix +BEAMLINE:DEFAULT:SCALER$").containsPattern("(?m)^parameter interval +0.5$");
    }

    @Test
    void aFailedStartPrintsTheReason() {
        assertThat(TaskhostCommands.failure("start", "broken", new PluginOperationException(PluginOperationException.Reason.FAILED,
                "plugin 'broken' did not start: initialize() failed: no crate")))
                .isEqualTo("cannot start broken (failed): plugin 'broken' did not start: initialize() failed: no crate\n");
        assertThat(TaskhostCommands.failure("stop", "ghost", new PluginOperationException(PluginOperationException.Reason.NOT_FOUND,
                "no plugin named 'ghost'"))).isEqualTo("cannot stop ghost (not found): no plugin named 'ghost'\n");
    }
}
