package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;

/**
 * A plugin as iocmng 2.7's clients read it (its plugin dict and its PluginStartupInfo, with its field names), plus
 * taskhost's typed phase and live state. Made from the runtime's model ({@link PluginInfo}: what runs, failed or is
 * stopped) and the loader's record ({@link InstalledPlugin}: where it came from). Never holds a token.
 */
final class PluginDicts {

    /** The fields of iocmng's PluginStartupInfo, in its order. */
    static final List<String> STARTUP_FIELDS = List.of("name", "plugin_type", "auto_start", "auto_start_on_boot",
            "autostart_order", "pv_prefix", "plugin_prefix", "mode", "start_parameters", "arguments", "pv_definitions",
            "base_control_pvs", "additional_input_pvs", "additional_output_pvs", "built_pvs");

    private PluginDicts() {
    }

    /**
     * @param name the plugin name
     * @param info what the runtime knows of it, if its bundle is installed
     * @param kept what the loader keeps of it, if it was added through the loader
     * @return the plugin dict
     */
    /** @return the plugin as the model and the loader's record describe it now */
    static Map<String, Object> of(String name, PluginRuntime runtime, PluginLoader loader) {
        return of(name, runtime.plugin(name), loader.installed(name));
    }

    /** @return whether the model or the loader knows the name */
    static boolean known(String name, PluginRuntime runtime, PluginLoader loader) {
        return runtime.plugin(name).isPresent() || loader.installed(name).isPresent();
    }

    static Map<String, Object> of(String name, Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        Optional<PluginState> state = info.map(PluginInfo::state);
        String type = type(info, kept);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name);
        d.put("git_url", kept.map(InstalledPlugin::gitUrl).orElse(null));
        d.put("plugin_type", type);
        d.put("class_name", info.map(PluginInfo::className).orElse(kept.map(InstalledPlugin::className).orElse(null)));
        d.put("path", kept.map(InstalledPlugin::path).orElse(""));
        d.put("branch", kept.map(InstalledPlugin::branch).orElse(""));
        d.put("local_path", kept.map(InstalledPlugin::localPath).orElse(null));
        d.put("commit", kept.map(InstalledPlugin::commit).orElse(null));
        d.put("auto_start", kept.map(InstalledPlugin::autoStart).orElse(true));
        d.put("auto_start_on_boot", kept.isPresent());
        d.put("autostart_order", kept.map(InstalledPlugin::autostartOrder).orElse(null));
        d.put("parameters", kept.map(InstalledPlugin::parameters).orElse(Map.of()));
        d.putAll(live(phase(info), info.map(PluginInfo::kind).orElse(null), state.orElse(null)));
        d.put("version", info.map(PluginInfo::version).filter(v -> !v.isBlank()).orElse(null));
        d.putAll(startupFields(name, type, info, kept));
        return d;
    }

    /**
     * @param name the plugin name
     * @param info what the runtime knows of it
     * @param kept what the loader keeps of it
     * @return iocmng's PluginStartupInfo: exactly its fields
     */
    static Map<String, Object> startup(String name, Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("name", name);
        all.put("plugin_type", type(info, kept));
        all.put("auto_start", kept.map(InstalledPlugin::autoStart).orElse(true));
        all.put("auto_start_on_boot", kept.isPresent());
        all.put("autostart_order", kept.map(InstalledPlugin::autostartOrder).orElse(null));
        all.putAll(startupFields(name, type(info, kept), info, kept));
        Map<String, Object> d = new LinkedHashMap<>();
        STARTUP_FIELDS.forEach(f -> d.put(f, all.get(f)));
        return d;
    }

    /** The fields the plugin dict shares with PluginStartupInfo, from pv_prefix on. */
    private static Map<String, Object> startupFields(String name, String type, Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        Optional<PluginConfig> config = info.flatMap(PluginInfo::config);
        List<PvSpec> specs = info.map(PluginInfo::pvSpecs).orElse(List.of());
        int control = info.map(i -> Math.min(i.controlPvCount(), specs.size())).orElse(0);
        Map<String, Object> definitions = config.map(PluginDicts::pvDefinitions).orElseGet(PluginDicts::noDefinitions);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("pv_prefix", info.map(PluginInfo::pvPrefix).orElse(null));
        d.put("plugin_prefix", config.flatMap(PluginConfig::prefix).orElse(name.toUpperCase(Locale.ROOT)));
        d.put("mode", mode(type, info));
        d.put("start_parameters", config.map(PluginConfig::parameters).orElse(kept.map(InstalledPlugin::parameters).orElse(Map.of())));
        d.put("arguments", definitions);
        d.put("pv_definitions", definitions);
        d.put("base_control_pvs", specs.subList(0, control).stream().map(PvSpec::name).toList());
        d.put("additional_input_pvs", List.copyOf(section(definitions, "inputs").keySet()));
        d.put("additional_output_pvs", List.copyOf(section(definitions, "outputs").keySet()));
        String prefix = info.map(PluginInfo::pvPrefix).orElse(null);
        d.put("built_pvs", prefix == null ? List.of() : specs.stream().map(s -> prefix + ":" + s.name()).toList());
        return d;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> definitions, String key) {
        return (Map<String, Object>) definitions.get(key);
    }

    private static Map<String, Object> noDefinitions() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("inputs", new LinkedHashMap<>());
        d.put("outputs", new LinkedHashMap<>());
        return d;
    }

    /** {@code task} or {@code job}: the runtime's kind, else what the loader recorded. */
    static String type(Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        return info.map(i -> i.kind() == PluginKind.JOB ? "job" : "task").orElse(kept.map(InstalledPlugin::pluginType).orElse(null));
    }

    /** A task's mode in lower case; null for a job, as iocmng 2.7 answers (its {@code start_parameters} keep {@code mode: job}). */
    static String mode(String type, Optional<PluginInfo> info) {
        if (!"task".equals(type)) {
            return null;
        }
        return info.map(i -> i.mode().name().toLowerCase(Locale.ROOT)).orElse(null);
    }

    /** The typed phase; a plugin the loader keeps but whose bundle is not installed counts as stopped. */
    static PluginPhase phase(Optional<PluginInfo> info) {
        return info.map(PluginInfo::phase).orElse(PluginPhase.STOPPED);
    }

    /**
     * The fields that change as the plugin runs, the same in the plugin dict and in each {@code plugin} event of
     * {@code /api/v1/events}, so that a client applies an event to the dict field by field.
     *
     * @param phase the typed phase
     * @param kind task or job, null if not known
     * @param state its state, null when its bundle is not installed
     * @return status, phase, running, the counters, state (the STATUS name), message and enabled
     */
    static Map<String, Object> live(PluginPhase phase, PluginKind kind, PluginState state) {
        Map<String, Object> d = new LinkedHashMap<>();
        String status = status(phase, kind, state);
        d.put("status", status);
        d.put("phase", phase.name().toLowerCase(Locale.ROOT));
        d.put("running", "running".equals(status));
        d.put("cycle_count", state == null ? 0L : state.cycles());
        d.put("error_count", state == null ? 0L : state.errors());
        d.put("overrun_count", state == null ? 0L : state.overruns());
        d.put("dropped_count", state == null ? 0L : state.dropped());
        d.put("state", state == null ? "STOPPED" : state.status());
        d.put("message", state == null ? "" : state.message());
        d.put("enabled", state != null && state.enabled());
        return d;
    }

    /**
     * iocmng's {@code status}, derived from the typed phase: {@code loaded} while it starts (and for a ready job),
     * {@code running} for a ready task, {@code error} when it failed to start or its last cycle failed,
     * {@code stopped} when it does not run.
     */
    static String status(PluginPhase phase, PluginKind kind, PluginState state) {
        return switch (phase) {
            case INSTALLING, INITIALIZING -> "loaded";
            case FAILED -> "error";
            case STOPPED -> "stopped";
            case READY -> kind == PluginKind.JOB ? "loaded"
                    : state != null && "ERROR".equals(state.status()) ? "error" : "running";
        };
    }

    /**
     * @param config a plugin's configuration
     * @return iocmng's {@code pv_definitions}: {@code {inputs: {NAME: {...}}, outputs: {NAME: {...}}}} with config.yaml's
     *         keys; the {@code <INPUT>_CONN} outputs the runtime adds for linked inputs are left out (they are in
     *         {@code built_pvs})
     */
    static Map<String, Object> pvDefinitions(PluginConfig config) {
        Set<String> derived = config.inputs().stream().filter(s -> s.link() != null).map(s -> PvLink.connectionPv(s.name()))
                .collect(Collectors.toSet());
        Map<String, Object> inputs = new LinkedHashMap<>();
        config.inputs().forEach(s -> inputs.put(s.name(), pvDefinition(s)));
        Map<String, Object> outputs = new LinkedHashMap<>();
        config.outputs().stream().filter(s -> !derived.contains(s.name())).forEach(s -> outputs.put(s.name(), pvDefinition(s)));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("inputs", inputs);
        d.put("outputs", outputs);
        return d;
    }

    /**
     * @param s a PV definition
     * @return it as config.yaml writes it (iocmng's keys {@code type, value, unit, prec, low, high, znam, onam} and
     *         taskhost's {@code drvl, drvh, alarm, enum, length, desc, link, link_mode, poll_rate}), with the defaults filled in
     */
    static Map<String, Object> pvDefinition(PvSpec s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", s.type().label());
        d.put("value", s.initial() instanceof double[] a ? Arrays.stream(a).boxed().toList() : s.initial());
        boolean numeric = s.type() == PvType.FLOAT || s.type() == PvType.INT || s.type() == PvType.WAVEFORM;
        if (numeric) {
            d.put("unit", s.unit());
            d.put("prec", s.precision());
            d.put("low", s.displayLow());
            d.put("high", s.displayHigh());
        }
        if (s.driveLow() != null) {
            d.put("drvl", s.driveLow());
        }
        if (s.driveHigh() != null) {
            d.put("drvh", s.driveHigh());
        }
        if (s.type() == PvType.BOOL && s.labels().size() == 2) {
            d.put("znam", s.labels().get(0));
            d.put("onam", s.labels().get(1));
        }
        if (s.type() == PvType.ENUM) {
            d.put("enum", s.labels());
        }
        if (s.type() == PvType.WAVEFORM) {
            d.put("length", s.length());
        }
        Map<String, Object> alarm = alarm(s.alarms());
        if (!alarm.isEmpty()) {
            d.put("alarm", alarm);
        }
        if (!s.description().isEmpty()) {
            d.put("desc", s.description());
        }
        if (s.link() != null) {
            d.put("link", s.link().target());
            d.put("link_mode", s.link().mode().name().toLowerCase(Locale.ROOT));
            d.put("poll_rate", s.link().pollSeconds());
        }
        return d;
    }

    private static Map<String, Object> alarm(AlarmLimits a) {
        Map<String, Object> d = new LinkedHashMap<>();
        limit(d, "lolo", a.lolo(), a.loloSeverity());
        limit(d, "low", a.low(), a.lowSeverity());
        limit(d, "high", a.high(), a.highSeverity());
        limit(d, "hihi", a.hihi(), a.hihiSeverity());
        return d;
    }

    private static void limit(Map<String, Object> d, String name, Double value, AlarmSeverity severity) {
        if (value != null) {
            d.put(name, value);
            d.put(name + "_severity", severity.name());
        }
    }

    /** @return the names of every plugin: the runtime's and the loader's, sorted */
    static List<String> names(List<PluginInfo> plugins, List<InstalledPlugin> kept) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        plugins.forEach(p -> names.add(p.name()));
        kept.forEach(p -> names.add(p.name()));
        return new ArrayList<>(names);
    }
}
