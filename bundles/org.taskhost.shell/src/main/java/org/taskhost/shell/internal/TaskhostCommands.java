package org.taskhost.shell.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.taskhost.api.JobResult;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.shell.table.TextTable;

/**
 * The {@code taskhost:} Gogo commands; a view over the runtime's model ({@link PluginRuntime}: every plugin, running,
 * failed or stopped, with its phase; start and stop) and the {@link PvRegistry}.
 */
@Component(service = TaskhostCommands.class, property = {
    "osgi.command.scope=taskhost",
    "osgi.command.function=list", "osgi.command.function=info", "osgi.command.function=start",
    "osgi.command.function=stop", "osgi.command.function=enable", "osgi.command.function=disable",
    "osgi.command.function=run", "osgi.command.function=trigger", "osgi.command.function=clear",
    "osgi.command.function=reset", "osgi.command.function=pvs", "osgi.command.function=pv", "osgi.command.function=log"})
public class TaskhostCommands {

    static final long WAIT_SECONDS = 120;

    @Reference
    PluginRuntime runtime;

    @Reference
    PvRegistry registry;

    @Descriptor("list every plugin (running, failed or stopped) with its phase and status")
    public String list() {
        return table(runtime.plugins());
    }

    /** The list's table, or "no plugins". */
    static String table(List<PluginInfo> plugins) {
        TextTable t = new TextTable("NAME", "KIND", "MODE", "PHASE", "STATUS", "ENABLED", "CYCLES", "ERRORS", "BUNDLE", "MESSAGE");
        plugins.stream().sorted(Comparator.comparing(PluginInfo::name)).forEach(p -> {
            PluginState s = p.state();
            boolean live = p.phase() != PluginPhase.STOPPED;
            t.row(p.name(), p.kind(), p.mode(), p.phase(), s.status(), live ? s.enabled() ? "yes" : "no" : "",
                    live ? s.cycles() : "", live ? s.errors() : "", p.bundleId(), s.message());
        });
        return t.size() == 0 ? "no plugins\n" : t.toString();
    }

    @Descriptor("show everything about one plugin")
    public String info(@Descriptor("plugin name") String name) {
        return info(model(name), runtime.running(name));
    }

    /** The info table of a plugin, with what only a running one has (parameters in use, PVs, last result). */
    static String info(PluginInfo p, Optional<ManagedPlugin> live) {
        PluginState s = p.state();
        TextTable t = new TextTable("FIELD", "VALUE");
        t.row("name", p.name()).row("kind", p.kind()).row("mode", p.mode()).row("phase", p.phase()).row("class", p.className())
                .row("bundle", p.bundleId()).row("version", p.version()).row("status", s.status() + " (" + s.statusIndex() + ")")
                .row("message", s.message()).row("enabled", s.enabled()).row("cycles", s.cycles()).row("overruns", s.overruns()).row("dropped", s.dropped())
                .row("errors", s.errors()).row("last run", s.lastRun() == null ? "never" : s.lastRun())
                .row("PV prefix", p.pvPrefix())
                .row("PVs", live.map(m -> m.pvs().size()).orElse(p.pvSpecs().size()) + (live.isEmpty() ? " (served when it runs)" : ""));
        Map<String, Object> parameters = live.map(ManagedPlugin::parameterValues)
                .orElseGet(() -> p.config().map(c -> c.parameters()).orElse(Map.of()));
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            t.row("parameter " + e.getKey(), e.getValue());
        }
        List<JobResult> results = live.map(ManagedPlugin::results).orElse(List.of());
        if (!results.isEmpty()) {
            JobResult last = results.get(results.size() - 1);
            t.row("last result", (last.success() ? "success: " : "failed: ") + last.message() + " " + last.data());
        }
        return t.toString();
    }

    @Descriptor("start a stopped plugin and wait until its initialize() has ended; prints why when it fails")
    public String start(@Descriptor("plugin name") String name) {
        try {
            PluginInfo p = runtime.start(name);
            return "started " + name + ": " + p.phase() + ", " + p.state().status() + "\n";
        } catch (PluginOperationException e) {
            return failure("start", name, e);
        }
    }

    @Descriptor("stop a plugin: its cleanup() runs and its PVs go; it stays installed, STOPPED")
    public String stop(@Descriptor("plugin name") String name) {
        try {
            runtime.stop(name);
            return "stopped " + name + "\n";
        } catch (PluginOperationException e) {
            return failure("stop", name, e);
        }
    }

    /** What a refused start or stop prints: the runtime's reason, which names the failure. */
    static String failure(String action, String name, PluginOperationException e) {
        return "cannot " + action + " " + name + " (" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "): "
                + e.getMessage() + "\n";
    }

    @Descriptor("set ENABLE to 1: a paused plugin resumes")
    public String enable(@Descriptor("plugin name") String name) {
        plugin(name).enable();
        return name + ": " + plugin(name).state().status() + "\n";
    }

    @Descriptor("set ENABLE to 0: the plugin pauses")
    public String disable(@Descriptor("plugin name") String name) {
        plugin(name).disable();
        return name + ": " + plugin(name).state().status() + "\n";
    }

    @Descriptor("run a job or a task once and wait for the result")
    public String run(@Descriptor("plugin name") String name) throws Exception {
        JobResult r = plugin(name).trigger().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return (r.success() ? "success" : "failed") + ": " + r.message() + (r.data() == null ? "" : "\ndata: " + r.data()) + "\n";
    }

    @Descriptor("run a job or a task once, without waiting")
    public String trigger(@Descriptor("plugin name") String name) {
        plugin(name).trigger();
        return "triggered " + name + "\n";
    }

    @Descriptor("clear an ERROR state, its MESSAGE and latched outputs, as CLEAR=1 does")
    public String clear(@Descriptor("plugin name") String name) {
        plugin(name).clear();
        return name + ": " + plugin(name).state().status() + "\n";
    }

    @Descriptor("clear, and zero the counters, as RESET=1 does")
    public String reset(@Descriptor("plugin name") String name) {
        plugin(name).reset();
        return name + ": " + plugin(name).state().status() + "\n";
    }

    @Descriptor("list every PV, with values, units and alarms")
    public String pvs() {
        return PvFormat.table(registry.all()).toString();
    }

    @Descriptor("list one plugin's PVs")
    public String pvs(@Descriptor("plugin name") String name) {
        return PvFormat.table(plugin(name).pvs()).toString();
    }

    @Descriptor("read a PV")
    public String pv(@Descriptor("full PV name") String fullName) {
        Pv pv = find(fullName);
        return pv.fullName() + " = " + PvFormat.value(pv) + " " + pv.spec().unit() + "\n";
    }

    @Descriptor("write a PV as a client would; waits until the plugin has handled it")
    public String pv(@Descriptor("full PV name") String fullName, @Descriptor("value") String value) throws Exception {
        Pv pv = find(fullName);
        pv.put(value).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return pv(fullName);
    }

    @Descriptor("show a plugin's recent log lines")
    public String log(@Descriptor("plugin name") String name) {
        List<String> lines = plugin(name).log();
        return lines.isEmpty() ? "no log lines\n" : String.join("\n", lines) + "\n";
    }

    /** The running instance; fails naming the plugin's phase when it does not run. */
    private ManagedPlugin plugin(String name) {
        return runtime.running(name).orElseThrow(() -> new IllegalArgumentException("plugin '" + name + "' is "
                + model(name).phase().name().toLowerCase(Locale.ROOT) + ", not running; see taskhost:start " + name));
    }

    private PluginInfo model(String name) {
        return runtime.plugin(name).orElseThrow(() -> new IllegalArgumentException("no plugin named '" + name + "'; see taskhost:list"));
    }

    private Pv find(String fullName) {
        return registry.find(fullName)
                .orElseThrow(() -> new IllegalArgumentException("no PV named '" + fullName + "'; see taskhost:pvs"));
    }
}
