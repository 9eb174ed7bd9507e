package org.taskhost.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.pv.AlarmLimits;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.rest.internal.answers.Plugin;
import org.taskhost.rest.internal.answers.PluginLive;
import org.taskhost.rest.internal.answers.PvDefinition;
import org.taskhost.rest.internal.answers.PvDefinitions;
import org.taskhost.rest.internal.answers.StartupFields;
import org.taskhost.rest.internal.answers.StartupInfo;

/**
 * A plugin as iocmng 2.7's clients read it (its plugin dict and its PluginStartupInfo, with its field names), plus
 * taskhost's typed phase and live state. Made from the runtime's model ({@link PluginInfo}: what runs, failed or is
 * stopped) and the loader's record ({@link InstalledPlugin}: where it came from), as the records {@link Plugin} and
 * {@link StartupInfo}. Never holds a token.
 */
final class PluginDicts {

    private PluginDicts() {
    }

    /** @return the plugin as the model and the loader's record describe it now */
    static Plugin of(String name, PluginRuntime runtime, PluginLoader loader) {
        return of(name, runtime.plugin(name), loader.installed(name));
    }

    /** @return whether the model or the loader knows the name */
    static boolean known(String name, PluginRuntime runtime, PluginLoader loader) {
        return runtime.plugin(name).isPresent() || loader.installed(name).isPresent();
    }

    /**
     * @param name the plugin name
     * @param info what the runtime knows of it, if its bundle is installed
     * @param kept what the loader keeps of it, if it was added through the loader
     * @return the plugin dict
     */
    static Plugin of(String name, Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        String type = type(info, kept);
        return new Plugin(name, kept.map(InstalledPlugin::gitUrl).orElse(null), type,
                info.map(PluginInfo::className).orElse(kept.map(InstalledPlugin::className).orElse(null)),
                kept.map(InstalledPlugin::path).orElse(""), kept.map(InstalledPlugin::branch).orElse(""),
                kept.map(InstalledPlugin::localPath).orElse(null), kept.map(InstalledPlugin::commit).orElse(null),
                kept.map(InstalledPlugin::autoStart).orElse(true), kept.isPresent(),
                kept.map(InstalledPlugin::autostartOrder).orElse(null), kept.map(InstalledPlugin::parameters).orElse(Map.of()),
                live(phase(info), info.map(PluginInfo::kind).orElse(null), info.map(PluginInfo::state).orElse(null)),
                info.map(PluginInfo::version).filter(v -> !v.isBlank()).orElse(null), startupFields(name, type, info, kept));
    }

    /**
     * @param name the plugin name
     * @param info what the runtime knows of it
     * @param kept what the loader keeps of it
     * @return iocmng's PluginStartupInfo: exactly its fields
     */
    static StartupInfo startup(String name, Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        String type = type(info, kept);
        return new StartupInfo(name, type, kept.map(InstalledPlugin::autoStart).orElse(true), kept.isPresent(),
                kept.map(InstalledPlugin::autostartOrder).orElse(null), startupFields(name, type, info, kept));
    }

    private static StartupFields startupFields(String name, String type, Optional<PluginInfo> info, Optional<InstalledPlugin> kept) {
        Optional<PluginConfig> config = info.flatMap(PluginInfo::config);
        List<PvSpec> specs = info.map(PluginInfo::pvSpecs).orElse(List.of());
        int control = info.map(i -> Math.min(i.controlPvCount(), specs.size())).orElse(0);
        PvDefinitions definitions = config.map(PluginDicts::pvDefinitions).orElseGet(() -> new PvDefinitions(Map.of(), Map.of()));
        String prefix = info.map(PluginInfo::pvPrefix).orElse(null);
        return new StartupFields(prefix, config.flatMap(PluginConfig::prefix).orElse(name.toUpperCase(Locale.ROOT)),
                mode(type, info),
                config.map(PluginConfig::parameters).orElse(kept.map(InstalledPlugin::parameters).orElse(Map.of())),
                definitions, definitions, specs.subList(0, control).stream().map(PvSpec::name).toList(),
                List.copyOf(definitions.inputs().keySet()), List.copyOf(definitions.outputs().keySet()),
                prefix == null ? List.of() : specs.stream().map(s -> prefix + ":" + s.name()).toList());
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
    static PluginLive live(PluginPhase phase, PluginKind kind, PluginState state) {
        String status = status(phase, kind, state);
        return new PluginLive(status, phase.name().toLowerCase(Locale.ROOT), "running".equals(status),
                state == null ? 0L : state.cycles(), state == null ? 0L : state.errors(),
                state == null ? 0L : state.overruns(), state == null ? 0L : state.dropped(),
                state == null ? "STOPPED" : state.status(), state == null ? "" : state.message(),
                state != null && state.enabled());
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
    static PvDefinitions pvDefinitions(PluginConfig config) {
        Set<String> derived = config.inputs().stream().filter(s -> s.link() != null).map(s -> PvLink.connectionPv(s.name()))
                .collect(Collectors.toSet());
        Map<String, PvDefinition> inputs = new LinkedHashMap<>();
        config.inputs().forEach(s -> inputs.put(s.name(), pvDefinition(s)));
        Map<String, PvDefinition> outputs = new LinkedHashMap<>();
        config.outputs().stream().filter(s -> !derived.contains(s.name())).forEach(s -> outputs.put(s.name(), pvDefinition(s)));
        return new PvDefinitions(inputs, outputs);
    }

    /**
     * @param s a PV definition
     * @return it as config.yaml writes it (iocmng's keys {@code type, value, unit, prec, low, high, znam, onam} and
     *         taskhost's {@code drvl, drvh, alarm, enum, length, desc, link, link_mode, poll_rate}), with the defaults filled in
     */
    static PvDefinition pvDefinition(PvSpec s) {
        boolean numeric = s.type() == PvType.FLOAT || s.type() == PvType.INT || s.type() == PvType.WAVEFORM;
        boolean named = s.type() == PvType.BOOL && s.labels().size() == 2;
        PvLink link = s.link();
        return new PvDefinition(s.type().label(), s.initial(), numeric ? s.unit() : null, numeric ? s.precision() : null,
                numeric ? s.displayLow() : null, numeric ? s.displayHigh() : null, s.driveLow(), s.driveHigh(),
                named ? s.labels().get(0) : null, named ? s.labels().get(1) : null,
                s.type() == PvType.ENUM ? s.labels() : null, s.type() == PvType.WAVEFORM ? s.length() : null,
                alarm(s.alarms()), s.description().isEmpty() ? null : s.description(),
                link == null ? null : link.target(), link == null ? null : link.mode().name().toLowerCase(Locale.ROOT),
                link == null ? null : link.pollSeconds());
    }

    /** @return the limits that are set, each with its severity; null if none is */
    private static PvDefinition.PvDefinitionAlarm alarm(AlarmLimits a) {
        if (a.lolo() == null && a.low() == null && a.high() == null && a.hihi() == null) {
            return null;
        }
        return new PvDefinition.PvDefinitionAlarm(a.lolo(), severity(a.lolo(), a.loloSeverity()), a.low(),
                severity(a.low(), a.lowSeverity()), a.high(), severity(a.high(), a.highSeverity()), a.hihi(),
                severity(a.hihi(), a.hihiSeverity()));
    }

    private static String severity(Double limit, AlarmSeverity severity) {
        return limit == null ? null : severity.name();
    }

    /** @return the names of every plugin: the runtime's and the loader's, sorted */
    static List<String> names(List<PluginInfo> plugins, List<InstalledPlugin> kept) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        plugins.forEach(p -> names.add(p.name()));
        kept.forEach(p -> names.add(p.name()));
        return new ArrayList<>(names);
    }
}
