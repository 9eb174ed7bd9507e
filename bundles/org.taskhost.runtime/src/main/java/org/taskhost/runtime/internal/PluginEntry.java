package org.taskhost.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.JobStatus;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginHeaders;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.api.runtime.TaskStatus;
import org.taskhost.runtime.internal.config.ParameterRules;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.lifecycle.Runner;
import org.taskhost.runtime.internal.pv.DefaultPvs;

/**
 * One installed plugin bundle in the model: the plugin created from it while the bundle is active (a runner, or a
 * {@link FailedPlugin} that says why not), and what is known of it while it is stopped.
 * <p>
 * Waits use {@code java.util.concurrent} locks, never a monitor: the threads that start plugins (the loader's boot
 * restore among them) are virtual, and on JDK 21 to 23 a virtual thread that parks while it holds a monitor pins its
 * carrier thread; with one carrier, the initialize() it waits for could then never run.
 */
final class PluginEntry {

    final Bundle bundle;
    final String name;
    /** Held by a start or a stop of this plugin while it runs: one operation at a time. */
    final ReentrantLock operation = new ReentrantLock();
    private final ReentrantLock creation = new ReentrantLock();
    private final Condition createdSignal = creation.newCondition();
    private volatile ManagedPlugin plugin;
    private volatile ServiceRegistration<ManagedPlugin> registration;
    private volatile PluginInfo stoppedInfo;

    PluginEntry(Bundle bundle, String name) {
        this.bundle = bundle;
        this.name = name;
    }

    Optional<ManagedPlugin> plugin() {
        return Optional.ofNullable(plugin);
    }

    void created(ManagedPlugin p, ServiceRegistration<ManagedPlugin> r) {
        creation.lock();
        try {
            plugin = p;
            registration = r;
            createdSignal.signalAll();
        } finally {
            creation.unlock();
        }
    }

    /**
     * Waits until the plugin is created: a bundle started during boot becomes active only when the framework reaches
     * its start level, not in {@code Bundle.start()}.
     *
     * @return the plugin, or empty when it was not created within the time
     */
    Optional<ManagedPlugin> awaitCreated(long millis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(millis);
        creation.lockInterruptibly();
        try {
            while (plugin == null && bundle.getState() != Bundle.UNINSTALLED && left > 0) {
                left = createdSignal.awaitNanos(left);
            }
            return Optional.ofNullable(plugin);
        } finally {
            creation.unlock();
        }
    }

    /** @return the plugin that was running, now forgotten, with its registration gone */
    Optional<ManagedPlugin> forget() {
        ManagedPlugin p = plugin;
        ServiceRegistration<ManagedPlugin> r = registration;
        plugin = null;
        registration = null;
        if (r != null) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle's context
            }
        }
        return Optional.ofNullable(p);
    }

    /** The bundle changed (an update): what was read from its jar is read again when needed. */
    void updated() {
        stoppedInfo = null;
    }

    /**
     * @param listedAs the name the runtime lists it under: its own, or name-bundleId when another bundle has the name
     * @param prefix the PV prefix
     * @param overrides the stored parameter overrides, asked for only when the stopped plugin is first described
     */
    PluginInfo info(String listedAs, String prefix, Supplier<Map<String, Object>> overrides) {
        ManagedPlugin p = plugin;
        if (p instanceof Runner r) {
            List<PvSpec> specs = r.pvs().stream().map(Pv::spec).toList();
            int control = (r.kind() == PluginKind.JOB ? DefaultPvs.job() : DefaultPvs.task("")).size();
            return new PluginSnapshot(listedAs, r.kind(), r.mode(), r.className(), r.bundleId(), r.state(),
                    version(r), pvPrefixOf(r), Optional.of(r.config()), specs, control);
        }
        PluginInfo known = stoppedInfo;
        if (known == null) {
            known = fromBundle(prefix, overrides.get());
            if (known.config().isPresent()) {
                stoppedInfo = known;
            }
        }
        if (p != null) {
            return new PluginSnapshot(listedAs, known.kind(), known.mode(), known.className(), bundle.getBundleId(), p.state(),
                    known.version(), known.pvPrefix(), known.config(), known.pvSpecs(), known.controlPvCount());
        }
        return listedAs.equals(name) ? known : new PluginSnapshot(listedAs, known.kind(), known.mode(), known.className(),
                known.bundleId(), known.state(), known.version(), known.pvPrefix(), known.config(), known.pvSpecs(),
                known.controlPvCount());
    }

    private static String version(Runner r) {
        return String.valueOf(r.pvs().stream().filter(pv -> pv.name().equals(DefaultPvs.VERSION)).findFirst()
                .map(Pv::get).orElse(""));
    }

    private static String pvPrefixOf(Runner r) {
        String full = r.pvs().get(0).fullName();
        return full.substring(0, full.lastIndexOf(':'));
    }

    /** A stopped plugin, as its jar and its stored parameters describe it. */
    private PluginInfo fromBundle(String prefix, Map<String, Object> overrides) {
        String className = String.valueOf(bundle.getHeaders().get(PluginHeaders.PLUGIN)).trim();
        Optional<PluginDescriptor> config;
        try {
            PluginDescriptor own = PluginFactory.config(bundle);
            PluginDescriptor merged;
            try {
                merged = ParameterRules.merge(own, overrides);
            } catch (ConfigException e) {
                merged = own;
            }
            config = Optional.of(merged);
        } catch (ConfigException | IOException | RuntimeException e) {
            // a bundle being uninstalled or updated under a reader has no content for a moment
            config = Optional.empty();
        }
        PluginKind kind = "job".equalsIgnoreCase(String.valueOf(bundle.getHeaders().get(PluginHeaders.KIND)))
                || config.flatMap(c -> c.kind()).isPresent() ? PluginKind.JOB : PluginKind.TASK;
        PluginMode mode = kind == PluginKind.JOB ? PluginMode.ON_REQUEST : config.map(PluginDescriptor::mode).orElse(PluginMode.CONTINUOUS);
        String version = config.map(c -> PluginFactory.version(bundle, c)).orElse(bundle.getVersion().toString());
        List<PvSpec> control = kind == PluginKind.JOB ? DefaultPvs.job() : DefaultPvs.task(version);
        List<PvSpec> specs = new ArrayList<>(control);
        config.ifPresent(c -> {
            specs.addAll(c.inputs());
            specs.addAll(c.outputs());
        });
        String pvPrefix = config.map(c -> PluginFactory.pvPrefix(prefix, name, c)).orElse(prefix + ":" + name.toUpperCase(java.util.Locale.ROOT));
        PluginState state = kind == PluginKind.JOB
                ? new PluginState(JobStatus.IDLE.name(), JobStatus.IDLE.ordinal(), "Stopped", false, 0, 0, 0, null, PluginPhase.STOPPED)
                : new PluginState(TaskStatus.END.name(), TaskStatus.END.ordinal(), "Task stopped", false, 0, 0, 0, null, PluginPhase.STOPPED);
        return new PluginSnapshot(name, kind, mode, className, bundle.getBundleId(), state, version, pvPrefix,
                config.map(c -> (PluginConfig) c), List.copyOf(specs), control.size());
    }
}
