package org.taskhost.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;

/** Plain implementations of the model's interfaces, shaped as the runtime fills them. */
final class Fakes {

    private Fakes() {
    }

    record Info(String name, PluginKind kind, PluginMode mode, String className, long bundleId, PluginPhase phase,
            PluginState state, String version, String pvPrefix, Optional<PluginConfig> config, List<PvSpec> pvSpecs,
            int controlPvCount) implements PluginInfo {
    }

    record Config(Optional<String> className, Optional<String> prefix, Optional<PluginKind> kind, PluginMode mode,
            Map<String, Object> parameters, Map<String, Object> defaults, List<PvSpec> inputs, List<PvSpec> outputs)
            implements PluginConfig {
    }

    /** The runtime's control PVs: a task's eight, a job's three. */
    static List<PvSpec> control(PluginKind kind) {
        if (kind == PluginKind.JOB) {
            return List.of(PvSpec.builder("STATUS", PvType.ENUM).labels(List.of("IDLE", "RUNNING", "SUCCESS", "FAILED")).build(),
                    PvSpec.builder("MESSAGE", PvType.STRING).initial("Idle").build(),
                    PvSpec.builder("RUN", PvType.BOOL).writable(true).initial(0).build());
        }
        return List.of(PvSpec.builder("ENABLE", PvType.BOOL).writable(true).initial(1).labels(List.of("Disabled", "Enabled")).build(),
                PvSpec.builder("STATUS", PvType.ENUM).labels(List.of("INIT", "RUN", "PAUSED", "END", "ERROR")).build(),
                PvSpec.builder("MESSAGE", PvType.STRING).initial("").build(),
                PvSpec.builder("CYCLE_COUNT", PvType.INT).initial(0L).build(),
                PvSpec.builder("RUN", PvType.BOOL).writable(true).initial(0).build(),
                PvSpec.builder("VERSION", PvType.STRING).initial("1.0").build(),
                PvSpec.builder("CLEAR", PvType.BOOL).writable(true).initial(0).build(),
                PvSpec.builder("RESET", PvType.BOOL).writable(true).initial(0).build());
    }

    /** A plugin as the runtime shows it, with its PV specs: control PVs, then inputs, then outputs. */
    static Info info(String name, PluginKind kind, PluginMode mode, PluginPhase phase, String status, String message, Config config) {
        List<PvSpec> specs = new ArrayList<>(control(kind));
        specs.addAll(config.inputs());
        specs.addAll(config.outputs());
        PluginState state = new PluginState(status, 0, message, phase != PluginPhase.STOPPED, 12, 1, 3, Instant.EPOCH, phase);
        String segment = config.prefix().orElse(name.toUpperCase(java.util.Locale.ROOT));
        return new Info(name, kind, mode, "Example", 42, phase, state, "1.0", "BEAMLINE:DEFAULT:" + segment,
                Optional.of(config), specs, control(kind).size());
    }

    static InstalledPlugin kept(String name, String type, Map<String, Object> overrides) {
        return new InstalledPlugin(name, "file:///srv/repos/" + name + ".git", "main", "", null, "4f0c2d1e", "Example", type,
                overrides, true, 5, Instant.EPOCH);
    }
}
