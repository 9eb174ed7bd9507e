package org.taskhost.loader.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.taskhost.api.TaskBase;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.LoaderListener;
import org.taskhost.api.loader.LoaderException.Reason;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;
import org.taskhost.api.loader.ValidationProblem;
import org.taskhost.api.loader.ValidationReport;
import org.taskhost.api.runtime.DataDirectory;
import org.taskhost.api.settings.Setting;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.config.PluginConfigParser;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * The {@link PluginLoader}: fetch, build and validate, keep the jar, install, then remember. At activation it
 * reinstalls every remembered plugin from its kept jar, in boot order, and at the very first start it adds the
 * sample plugins from their local folder.
 */
@Component(immediate = true, configurationPid = "org.taskhost.loader")
@Designate(ocd = LoaderConfig.class)
public class LoaderService implements PluginLoader {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** How long a parameter update waits for a reload of the same plugin to end. */
    static final Duration UPDATE_WAIT = Duration.ofMinutes(5);

    @Reference
    ConfigurationAdmin configurationAdmin;

    /** The model: plugins are started and stopped through it. */
    @Reference
    PluginRuntime runtime;

    @Reference
    PluginConfigParser parser;

    private final PluginStore store;
    private final PluginInstaller installer;
    private final PluginBuilder builder;
    private final GitPluginSource git;
    private final PluginLocks locks = new PluginLocks();
    private final Logger log;

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    volatile List<LoaderListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread boot;
    private final Path uploads;
    private final Thread warmUp;
    private volatile boolean stopping;

    @Activate
    public LoaderService(BundleContext context, LoaderConfig config, @Reference ConfigurationAdmin cm,
            @Reference PluginRuntime runtime, @Reference PluginConfigParser parser, @Reference LoggerFactory loggers) throws IOException {
        this.log = loggers.getLogger("loader");
        this.configurationAdmin = cm;
        this.runtime = runtime;
        this.parser = parser;
        Path data = DataDirectory.resolve("", none -> null, context::getProperty);
        this.store = new PluginStore(cm, data);
        this.uploads = data.resolve("uploads");
        this.installer = new PluginInstaller(context, runtime);
        this.builder = new PluginBuilder(ApiClasses.fromBundle(FrameworkUtil.getBundle(TaskBase.class)), parser);
        this.git = new GitPluginSource(Duration.ofSeconds(Setting.typed("cloneTimeout", "seconds", config::cloneTimeout)));
        // only false leaves the samples out, as TASKHOST_SAMPLES always meant
        String samples = "false".equalsIgnoreCase(Setting.text("TASKHOST_SAMPLES", config.samples())) ? null
                : Setting.text("samplesDir", config.samplesDir());
        // restoring compiles and waits for plugins: not on the thread that activates components
        boot = Thread.ofVirtual().name("taskhost-loader-boot").start(() -> {
            restore();
            firstStart(data, samples);
            log.info("ready: " + installed().size() + " plugin(s) kept in " + data);
        });
        warmUp = Thread.ofVirtual().name("taskhost-loader-warmup").start(() -> {
            try {
                boot.join();
                WarmUp.run(store.workDir(), builder, git, () -> !stopping);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                // only a speed-up: failing here (for example while the framework stops) changes nothing else
                log.debug("warm-up failed: " + e);
            }
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        // the warm-up is not interrupted: JGit logs an interrupt inside it as an error with its stack; it stops at its
        // next stage instead
        stopping = true;
        boot.interrupt();
        boot.join(Duration.ofSeconds(10));
        warmUp.join(Duration.ofSeconds(10));
    }

    @Override
    public InstalledPlugin add(PluginRequest request) throws LoaderException {
        return exclusively(request.name(), "cannot store plugin", () -> {
            try {
                return install(request);
            } catch (LoaderException e) {
                progress(request.name(), "failed", e.getMessage());
                throw e;
            }
        });
    }

    /** Builds, keeps and installs a new plugin; on a failed start removes what it kept. */
    private InstalledPlugin install(PluginRequest request) throws LoaderException, IOException {
        if (store.find(request.name()).isPresent() || installer.bundle(request.name()).isPresent()) {
            throw new LoaderException(Reason.CONFLICT, "plugin '" + request.name() + "' already exists", null);
        }
        GitUrl source = source(request);
        progress(request.name(), "fetching", source.url() != null ? source.url() : request.localPath());
        PluginBuilder.Built built = build(request, source);
        checkKind(request.kind(), built.report());
        checkParameters(built, request.parameters());
        Map<String, Object> params = request.parameters();
        InstalledPlugin p = new InstalledPlugin(request.name(), source.url(), request.branch(), request.path(),
                request.localPath(), built.commit(), built.report().className(), built.report().pluginType(), params,
                request.autoStart(), request.autostartOrder(), Instant.now());
        // jar, then record, then bundle: the runtime reads the parameters from the record while it creates the
        // plugin, and a kill -9 leaves either a complete record (restored at boot) or none
        store.saveJar(p.name(), p.commit(), built.jar());
        store.save(p);
        progress(p.name(), "installing", p.pluginType() + " " + p.className() + " at " + p.commit());
        try {
            installer.install(p.name(), built.jar(), request.autoStart() || "job".equals(p.pluginType()));
        } catch (BuildProblem e) {
            store.delete(p.name());
            throw invalid(built.report(), e);
        }
        if (request.keepToken() && source.credential() != null) {
            store.saveCredential(p.name(), source.credential());
        }
        log.info("added plugin " + p.name() + " (" + p.className() + ", commit " + p.commit() + ")");
        progress(p.name(), "added", p.pluginType() + " " + p.className() + " at " + p.commit());
        return p;
    }

    /** Code that changes one plugin. */
    @FunctionalInterface
    private interface Change<T> {
        T run() throws LoaderException, IOException;
    }

    /** Runs a change of one plugin, refusing a second change of the same plugin while the first runs. */
    private <T> T exclusively(String name, String failure, Change<T> change) throws LoaderException {
        checkName(name);
        if (!locks.tryLock(name)) {
            throw new LoaderException(Reason.CONFLICT, "plugin '" + name + "' is being changed right now", null);
        }
        try {
            return change.run();
        } catch (IOException e) {
            throw new LoaderException(Reason.INVALID, failure + " '" + name + "': " + e.getMessage(), null);
        } finally {
            locks.unlock(name);
        }
    }

    /** The kind the caller asked for ({@code /tasks}, {@code /jobs}), checked before anything is kept or installed. */
    private static void checkKind(PluginKind wanted, ValidationReport report) throws LoaderException {
        if (wanted == null || report.pluginType() == null || wanted.name().equalsIgnoreCase(report.pluginType())) {
            return;
        }
        String want = wanted.name().toLowerCase(java.util.Locale.ROOT);
        String other = report.pluginType();
        throw new LoaderException(Reason.INVALID, "Repository contains a " + other + ", not a " + want + ". Use /api/v1/" + other
                + "s instead.", new ValidationReport(false, report.className(), other, List.of(new ValidationProblem("", 0, 0,
                        "plugin_type", "a " + other + " (" + report.className() + "), not a " + want))));
    }

    /** Overrides follow config.yaml's rules: {@code interval: 0} is refused naming {@code parameters.interval}. */
    private PluginConfig checkParameters(PluginBuilder.Built built, Map<String, Object> overrides) throws LoaderException {
        if (built.config() == null) {
            return null;
        }
        try {
            return parser.withParameters(built.config(), overrides);
        } catch (ConfigException e) {
            throw invalidParameters(e, built.report().className(), built.report().pluginType());
        }
    }

    @Override
    public InstalledPlugin addJar(String name, byte[] jar, Map<String, Object> parameters) throws LoaderException {
        // under the plugin's lock: a refused upload deletes only the folder it made itself, never another request's
        return exclusively(name, "cannot keep the uploaded jar of", () -> {
            Path folder = uploads.resolve(name);
            if (Files.exists(folder) || store.find(name).isPresent()) {
                throw new LoaderException(Reason.CONFLICT, "plugin '" + name + "' already exists", null);
            }
            try {
                Files.createDirectories(folder);
                Files.write(folder.resolve("plugin.jar"), PluginPackager.rename(jar, name));
                return add(new PluginRequest(name, null, "", "", null, folder.toString(), parameters, true, null, false));
            } catch (BuildProblem e) {
                deleteQuietly(folder);
                throw new LoaderException(Reason.INVALID, e.getMessage(), ValidationReport.failed(e.problems()));
            } catch (LoaderException | IOException e) {
                deleteQuietly(folder);
                throw e;
            }
        });
    }

    private void deleteQuietly(Path folder) {
        try {
            PluginStore.deleteTree(folder);
        } catch (IOException e) {
            log.warn("cannot delete " + folder + ": " + e.getMessage());
        }
    }

    @Override
    public InstalledPlugin reload(String name) throws LoaderException {
        return exclusively(name, "cannot reload plugin", () -> {
            InstalledPlugin old = store.find(name).orElseThrow(() -> notFound(name));
            Bundle bundle = installer.bundle(name).orElseThrow(() -> notFound(name));
            PluginRequest again = new PluginRequest(name, old.gitUrl(), old.branch(), old.path(), null,
                    old.localPath(), old.parameters(), old.autoStart(), old.autostartOrder(), false);
            GitUrl source = kept(again);
            PluginBuilder.Built built = build(again, source);
            checkParameters(built, old.parameters());
            byte[] previous = Files.readAllBytes(store.jar(name, old.commit()));
            store.saveJar(name, built.commit(), built.jar());
            try {
                installer.update(bundle, name, built.jar(), previous);
            } catch (BuildProblem e) {
                throw invalid(built.report(), e);
            }
            InstalledPlugin now = new InstalledPlugin(name, source.url(), old.branch(), old.path(), old.localPath(), built.commit(),
                    built.report().className(), built.report().pluginType(), old.parameters(), old.autoStart(), old.autostartOrder(), Instant.now());
            store.save(now);
            store.prune(name, now.commit());
            log.info("reloaded plugin " + name + " at commit " + now.commit());
            progress(name, "reloaded", "at " + now.commit());
            return now;
        });
    }

    @Override
    public void remove(String name) throws LoaderException {
        exclusively(name, "cannot forget plugin", () -> {
            Optional<Bundle> bundle = installer.bundle(name);
            boolean kept = store.find(name).isPresent();
            if (bundle.isEmpty() && !kept) {
                throw notFound(name);
            }
            bundle.ifPresent(installer::uninstall);
            store.delete(name);
            deleteQuietly(uploads.resolve(name));
            log.info("removed plugin " + name);
            progress(name, "removed", "");
            return null;
        });
    }

    /** Waits for a change of the plugin in progress (a reload), so that the update applies to what it left. */
    @Override
    public InstalledPlugin updateParameters(String name, Map<String, Object> parameters) throws LoaderException {
        checkName(name);
        if (!locks.lock(name, UPDATE_WAIT)) {
            throw new LoaderException(Reason.CONFLICT, "plugin '" + name + "' is being changed; try again", null);
        }
        try {
            InstalledPlugin old = store.find(name).orElseThrow(() -> notFound(name));
            Optional<PluginConfig> config = runtime.plugin(name).flatMap(PluginInfo::config);
            if (config.isPresent()) {
                try {
                    parser.withParameters(config.get(), parameters);
                } catch (ConfigException e) {
                    throw invalidParameters(e, old.className(), old.pluginType());
                }
            }
            InstalledPlugin now = new InstalledPlugin(name, old.gitUrl(), old.branch(), old.path(), old.localPath(), old.commit(),
                    old.className(), old.pluginType(), Map.copyOf(parameters), old.autoStart(), old.autostartOrder(), old.installedAt());
            store.save(now);
            runtime.running(name).ifPresent(p -> p.updateParameters(parameters));
            return now;
        } catch (IOException e) {
            throw new LoaderException(Reason.INVALID, "cannot store the parameters of '" + name + "': " + e.getMessage(), null);
        } finally {
            locks.unlock(name);
        }
    }

    @Override
    public ValidationReport validate(PluginRequest request) throws LoaderException {
        checkName(request.name());
        try {
            return build(request, source(request)).report();
        } catch (LoaderException e) {
            if (e.report() != null) {
                return e.report();
            }
            throw e;
        }
    }

    @Override
    public boolean ready() {
        return !boot.isAlive();
    }

    @Override
    public List<InstalledPlugin> installed() {
        return store.all();
    }

    @Override
    public Optional<InstalledPlugin> installed(String name) {
        return store.find(name);
    }

    /**
     * Splits the credential off {@code git_url} and joins it with {@code pat}, on every path in (add, validate, reload,
     * restore): from here on only the clean URL exists, in the record, the events, the messages and the log.
     */
    private static GitUrl source(PluginRequest request) throws LoaderException {
        try {
            return GitUrl.of(request.gitUrl(), request.pat());
        } catch (BuildProblem e) {
            throw new LoaderException(Reason.INVALID, "plugin '" + request.name() + "': " + e.getMessage(), ValidationReport.failed(e.problems()));
        }
    }

    /** The source of a kept plugin: a credential its stored URL still holds, else the one kept on request. */
    private GitUrl kept(PluginRequest request) throws LoaderException, IOException {
        GitUrl source = source(request);
        if (source.url() == null || source.credential() != null) {
            return source;
        }
        return new GitUrl(source.url(), store.keptCredential(request.name()).orElse(null));
    }

    /**
     * Fetches into a scratch folder, builds, and always removes the scratch folder (the clone holds no credential).
     * The credential is used for this clone only.
     */
    private PluginBuilder.Built build(PluginRequest request, GitUrl gitSource) throws LoaderException {
        boolean hasGit = request.gitUrl() != null && !request.gitUrl().isBlank();
        boolean hasLocal = request.localPath() != null && !request.localPath().isBlank();
        if (hasGit == hasLocal) {
            throw new LoaderException(Reason.BAD_REQUEST, "give either git_url or local_path", null);
        }
        Path scratch = null;
        try {
            FetchedSource source;
            if (hasGit) {
                scratch = Files.createTempDirectory(store.workDir(), request.name() + "-");
                source = git.fetch(gitSource.url(), request.branch(), request.path(), gitSource.credential(), scratch.resolve("repo"));
            } else {
                source = LocalPluginSource.fetch(request.localPath(), request.path());
            }
            progress(request.name(), "building", "commit " + source.commit());
            PluginBuilder.Built built = builder.build(request.name(), source);
            if (!built.report().ok()) {
                throw new LoaderException(Reason.INVALID, "plugin '" + request.name() + "' is not valid: "
                        + String.join("; ", built.report().errors()), built.report());
            }
            return built;
        } catch (BuildProblem e) {
            ValidationReport r = ValidationReport.failed(e.problems());
            throw new LoaderException(Reason.INVALID, "plugin '" + request.name() + "': " + e.getMessage(), r);
        } catch (IOException e) {
            throw new LoaderException(Reason.INVALID, "cannot prepare a folder for plugin '" + request.name() + "': " + e.getMessage(), null);
        } finally {
            if (scratch != null) {
                try {
                    PluginStore.deleteTree(scratch);
                } catch (IOException e) {
                    log.warn("cannot delete " + scratch + ": " + e.getMessage());
                }
            }
        }
    }

    private void progress(String plugin, String step, String detail) {
        for (LoaderListener l : listeners) {
            try {
                l.progress(plugin, step, detail == null ? "" : detail);
            } catch (RuntimeException e) {
                log.warn("loader listener failed: " + e);
            }
        }
    }

    private static LoaderException invalidParameters(ConfigException e, String className, String pluginType) {
        List<ValidationProblem> problems = e.problems().stream().map(ValidationProblem::of).toList();
        ValidationReport report = new ValidationReport(false, className, pluginType, problems);
        return new LoaderException(Reason.INVALID, "invalid parameters: " + String.join("; ", report.errors()), report);
    }

    private static LoaderException invalid(ValidationReport built, BuildProblem e) {
        ValidationReport r = new ValidationReport(false, built.className(), built.pluginType(), e.problems());
        return new LoaderException(Reason.INVALID, e.getMessage(), r);
    }

    private static void checkName(String name) throws LoaderException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new LoaderException(Reason.BAD_REQUEST, "name '" + name + "' must be 1 to 128 letters, digits, '_' or '-'", null);
        }
    }

    private static LoaderException notFound(String name) {
        return new LoaderException(Reason.NOT_FOUND, "plugin '" + name + "' not found", null);
    }

    /** Reinstalls every remembered plugin from its kept jar; a plugin whose jar is gone is rebuilt from its source. */
    private void restore() {
        StoredUrls.clean(store, log);
        for (InstalledPlugin p : installed()) {
            if (installer.bundle(p.name()).isPresent()) {
                continue;
            }
            try {
                Path jar = store.jar(p.name(), p.commit());
                PluginRequest again = new PluginRequest(p.name(), p.gitUrl(), p.branch(), p.path(), null, p.localPath(), p.parameters(),
                        p.autoStart(), p.autostartOrder(), false);
                byte[] bytes = Files.exists(jar) ? Files.readAllBytes(jar) : build(again, kept(again)).jar();
                installer.install(p.name(), bytes, p.autoStart() || "job".equals(p.pluginType()));
                log.info("restored plugin " + p.name() + " at commit " + p.commit());
            } catch (IOException | BuildProblem | LoaderException e) {
                log.error("cannot restore plugin " + p.name() + ": " + e.getMessage());
            }
        }
    }

    /** At the very first start, adds each sample plugin folder (none when samplesDir is null: TASKHOST_SAMPLES=false). */
    private void firstStart(Path data, String samplesDir) {
        Path marker = data.resolve(".initialized");
        if (Files.exists(marker)) {
            return;
        }
        if (samplesDir == null) {
            log.info("first start: sample plugins not added (TASKHOST_SAMPLES=false)");
        } else if (!samplesDir.isBlank() && Files.isDirectory(Path.of(samplesDir))) {
            try (var dirs = Files.list(Path.of(samplesDir))) {
                for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                    String name = dir.getFileName().toString();
                    try {
                        add(new PluginRequest(name, null, "", "", null, dir.toAbsolutePath().toString(), Map.of(), true, null, false));
                    } catch (LoaderException e) {
                        log.error("sample " + name + ": " + e.getMessage());
                    }
                }
            } catch (IOException e) {
                log.error("cannot list samples in " + samplesDir + ": " + e.getMessage());
            }
        }
        try {
            Files.createDirectories(data);
            Files.writeString(marker, Instant.now().toString());
        } catch (IOException e) {
            log.error("cannot write " + marker + ": " + e.getMessage());
        }
    }
}
