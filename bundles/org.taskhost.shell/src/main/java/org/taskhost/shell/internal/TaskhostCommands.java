package org.taskhost.shell.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.taskhost.api.JobResult;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginHeaders;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.api.runtime.PvRegistry;

/** The {@code taskhost:} Gogo commands; a view that only tracks ManagedPlugin services and the PvRegistry. */
@Component(service = TaskhostCommands.class, property = {
    "osgi.command.scope=taskhost",
    "osgi.command.function=list", "osgi.command.function=info", "osgi.command.function=start",
    "osgi.command.function=stop", "osgi.command.function=enable", "osgi.command.function=disable",
    "osgi.command.function=run", "osgi.command.function=trigger", "osgi.command.function=pvs",
    "osgi.command.function=pv", "osgi.command.function=log"})
public class TaskhostCommands {

    static final long WAIT_SECONDS = 120;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<ManagedPlugin> plugins = new CopyOnWriteArrayList<>();

    @Reference
    PvRegistry registry;

    private final BundleContext context;

    @Activate
    public TaskhostCommands(BundleContext context) {
        this.context = context;
    }

    @Descriptor("list plugins with their status")
    public String list() {
        Table t = new Table("NAME", "KIND", "MODE", "STATUS", "ENABLED", "CYCLES", "ERRORS", "BUNDLE", "MESSAGE");
        sorted().forEach(p -> {
            PluginState s = p.state();
            t.row(p.name(), p.kind(), p.mode(), s.status(), s.enabled() ? "yes" : "no", s.cycles(), s.errors(), p.bundleId(), s.message());
        });
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get(PluginHeaders.PLUGIN) != null && b.getState() != Bundle.ACTIVE && b.getState() != Bundle.STOPPING) {
                t.row(nameOf(b), "", "", "STOPPED", "", "", "", b.getBundleId(), "bundle " + state(b));
            }
        }
        return t.size() == 0 ? "no plugins\n" : t.toString();
    }

    @Descriptor("show everything about one plugin")
    public String info(@Descriptor("plugin name") String name) {
        ManagedPlugin p = plugin(name);
        PluginState s = p.state();
        Table t = new Table("FIELD", "VALUE");
        t.row("name", p.name()).row("kind", p.kind()).row("mode", p.mode()).row("class", p.className())
                .row("bundle", p.bundleId()).row("status", s.status() + " (" + s.statusIndex() + ")").row("message", s.message())
                .row("enabled", s.enabled()).row("cycles", s.cycles()).row("overruns", s.overruns()).row("errors", s.errors())
                .row("last run", s.lastRun() == null ? "never" : s.lastRun()).row("PVs", p.pvs().size());
        for (Map.Entry<String, Object> e : p.parameterValues().entrySet()) {
            t.row("parameter " + e.getKey(), e.getValue());
        }
        List<JobResult> results = p.results();
        if (!results.isEmpty()) {
            JobResult last = results.get(results.size() - 1);
            t.row("last result", (last.success() ? "success: " : "failed: ") + last.message() + " " + last.data());
        }
        return t.toString();
    }

    @Descriptor("start a stopped plugin's bundle")
    public String start(@Descriptor("plugin name") String name) throws BundleException {
        bundle(name).start();
        return "started " + name + "\n";
    }

    @Descriptor("stop a plugin's bundle: its cleanup() runs and its PVs go")
    public String stop(@Descriptor("plugin name") String name) throws BundleException {
        bundle(name).stop();
        return "stopped " + name + "\n";
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

    private Stream<ManagedPlugin> sorted() {
        return plugins.stream().sorted(Comparator.comparing(ManagedPlugin::name));
    }

    private ManagedPlugin plugin(String name) {
        return plugins.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no running plugin named '" + name + "'; see taskhost:list"));
    }

    private Pv find(String fullName) {
        return registry.find(fullName)
                .orElseThrow(() -> new IllegalArgumentException("no PV named '" + fullName + "'; see taskhost:pvs"));
    }

    private Bundle bundle(String name) {
        Optional<Bundle> b = Stream.of(context.getBundles())
                .filter(x -> x.getHeaders().get(PluginHeaders.PLUGIN) != null && nameOf(x).equals(name)).findFirst();
        return b.orElseThrow(() -> new IllegalArgumentException("no plugin bundle named '" + name + "'; see taskhost:list"));
    }

    private static String nameOf(Bundle b) {
        return PluginHeaders.pluginName(b.getSymbolicName(), b.getHeaders().get(PluginHeaders.NAME));
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.INSTALLED -> "installed";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            default -> "state " + b.getState();
        };
    }
}
