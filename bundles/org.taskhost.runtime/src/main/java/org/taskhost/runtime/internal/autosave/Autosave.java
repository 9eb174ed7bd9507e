package org.taskhost.runtime.internal.autosave;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.runtime.internal.log.PluginLog;
import org.taskhost.runtime.internal.pv.DefaultPvs;

/**
 * EPICS-style autosave: the values of a plugin's inputs and of ENABLE are written to
 * {@code <data>/autosave/<plugin>.yaml} shortly after they change, and set again before the plugin starts next time.
 */
public final class Autosave implements AutoCloseable {

    /** Changes within this time are written together. */
    static final Duration DEBOUNCE = Duration.ofMillis(200);
    private static final Set<String> PULSES = Set.of(DefaultPvs.RUN, DefaultPvs.CLEAR, DefaultPvs.RESET);
    private static final System.Logger LOG = new PluginLog("autosave");

    private final Path dir;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("autosave").factory());
    private final Map<String, Tracked> plugins = new ConcurrentHashMap<>();

    /**
     * The saved PVs of one running plugin. It hears their values on its listener threads, after the setter returned,
     * so at detach a value may still be on its way: what is written then is read from the PVs, and written only when
     * it differs from what was last written or restored.
     */
    private final class Tracked implements PvListener {
        final String plugin;
        final List<Pv> saved;
        private Map<String, Object> written;
        volatile boolean pending;
        volatile boolean detached;

        Tracked(String plugin, List<Pv> saved) {
            this.plugin = plugin;
            this.saved = saved;
            this.written = values();
        }

        @Override
        public void changed(Pv pv, PvValue value) {
            if (!pending) {
                pending = true;
                writer.schedule(() -> {
                    if (!detached) {
                        write();
                    }
                }, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        synchronized void write() {
            pending = false;
            Map<String, Object> values = values();
            if (!values.equals(written)) {
                store(plugin, values);
                written = values;
            }
        }

        private Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Pv pv : saved) {
                Object v = pv.get();
                values.put(pv.name(), v instanceof double[] d ? Arrays.stream(d).boxed().toList() : v);
            }
            return values;
        }
    }

    public Autosave(Path dir) {
        this.dir = dir;
    }

    /**
     * @return the PVs autosave keeps: ENABLE and the inputs (every writable PV that is not a pulse such as RUN); an
     *     input that follows a link gets its value from there
     */
    static List<Pv> kept(List<Pv> pvs) {
        return pvs.stream().filter(pv -> pv.spec().writable() && pv.spec().link() == null && !PULSES.contains(pv.name())).toList();
    }

    /**
     * Sets the saved values on a plugin that has not started yet, then saves its values whenever they change.
     * A saved value that no longer fits its PV (the type or the drive limits changed) is skipped with a warning.
     */
    public void attach(ManagedPlugin plugin, List<Pv> pvs) {
        List<Pv> saved = kept(pvs);
        Map<String, Object> values = load(plugin.name());
        for (Pv pv : saved) {
            Object v = values.get(pv.name());
            if (v != null) {
                restore(plugin, pv, v);
            }
        }
        Tracked tracked = new Tracked(plugin.name(), saved);
        plugins.put(plugin.name(), tracked);
        saved.forEach(pv -> pv.addListener(tracked));
    }

    private void restore(ManagedPlugin plugin, Pv pv, Object v) {
        try {
            String problem = SavedValue.check(pv.spec(), v);
            if (problem != null) {
                LOG.log(System.Logger.Level.WARNING, plugin.name() + ": saved " + pv.name() + " skipped: " + problem);
                return;
            }
            if (pv.name().equals(DefaultPvs.ENABLE) && Integer.valueOf(0).equals(SavedValue.index(v))) {
                plugin.disable();
            }
            pv.set(v instanceof List<?> l ? l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray() : v);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, plugin.name() + ": saved " + pv.name() + " skipped: " + e.getMessage());
        }
    }

    /** Stops watching a plugin that stopped, writing what is still pending. */
    public void detach(String plugin, List<Pv> pvs) {
        Tracked tracked = plugins.remove(plugin);
        if (tracked != null) {
            pvs.forEach(pv -> pv.removeListener(tracked));
            tracked.detached = true;
            tracked.write();
        }
    }

    Map<String, Object> load(String plugin) {
        Path file = file(plugin);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            if (doc instanceof Map<?, ?> m) {
                Map<String, Object> values = new LinkedHashMap<>();
                m.forEach((k, v) -> values.put(String.valueOf(k), v));
                return values;
            }
            LOG.log(System.Logger.Level.WARNING, file + " holds no mapping of PV names to values; ignored");
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + e.getMessage() + "; the plugin starts with its config.yaml values");
        }
        return Map.of();
    }

    private void store(String plugin, Map<String, Object> values) {
        Path file = file(plugin);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, plugin, ".tmp");
            Files.writeString(tmp, new Dump(DumpSettings.builder().build()).dumpToString(values), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write " + file + ": " + e.getMessage());
        }
    }

    Path file(String plugin) {
        return dir.resolve(plugin + ".yaml");
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
