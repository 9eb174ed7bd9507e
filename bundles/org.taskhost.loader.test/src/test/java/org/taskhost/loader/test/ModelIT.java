package org.taskhost.loader.test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginRuntime;

/** The model every view goes through, in a real Felix: typed phases, start and stop, checks before install, reads under load. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class ModelIT {

    static final String SAYS_AND_THROWS = """
            import org.taskhost.api.TaskBase;
            public class Plugin extends TaskBase {
                public void initialize() { setMessage("connecting..."); throw new IllegalStateException("no device"); }
                public void execute() { }
                public void cleanup() { }
            }
            """;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    PluginLoader loader;

    @InjectService(timeout = 20_000)
    PluginRuntime runtime;

    @AfterEach
    void removeAll() throws Exception {
        for (InstalledPlugin p : loader.installed()) {
            loader.remove(p.name());
        }
    }

    private static Repo task(String name, String message) throws Exception {
        Repo repo = new Repo(name);
        repo.commit("Plugin.java", LoaderIT.TASK.formatted(message), "config.yaml", LoaderIT.YAML);
        return repo;
    }

    private String message(String name) {
        return runtime.plugin(name).map(p -> p.state().message()).orElse("<gone>");
    }

    @Test
    void aPluginThatSetsItsMessageAndThrowsInInitializeIsRefusedOnAddAndOnReload() throws Exception {
        Repo bad = new Repo("says");
        bad.commit("Plugin.java", SAYS_AND_THROWS);
        LoaderException e = catchThrowableOfType(LoaderException.class, () -> loader.add(LoaderIT.request("says", bad, Map.of())));
        assertThat(e.reason()).isEqualTo(LoaderException.Reason.INVALID);
        assertThat(e.getMessage()).isEqualTo("plugin did not start: initialize() failed: no device");
        assertThat(runtime.plugin("says")).isEmpty();
        assertThat(loader.installed("says")).isEmpty();

        Repo repo = task("keeps", "v1");
        loader.add(LoaderIT.request("keeps", repo, Map.of()));
        await("v1 runs").atMost(Duration.ofSeconds(20)).until(() -> message("keeps").startsWith("v1"));
        repo.commit("Plugin.java", SAYS_AND_THROWS);
        LoaderException r = catchThrowableOfType(LoaderException.class, () -> loader.reload("keeps"));
        assertThat(r.getMessage()).isEqualTo("plugin did not start: initialize() failed: no device");
        await("v1 runs again").atMost(Duration.ofSeconds(20)).until(() -> message("keeps").startsWith("v1"));
        assertThat(runtime.plugin("keeps").orElseThrow().phase()).isEqualTo(PluginPhase.READY);
    }

    @Test
    void stopAndStartAreOperationsOfTheModelAndAStoppedPluginIsPartOfIt() throws Exception {
        loader.add(LoaderIT.request("pausable", task("pausable", "p"), Map.of()));
        await("it runs").atMost(Duration.ofSeconds(20)).until(() -> message("pausable").startsWith("p"));
        PluginInfo stopped = runtime.stop("pausable");
        assertThat(stopped.phase()).isEqualTo(PluginPhase.STOPPED);
        assertThat(runtime.running("pausable")).isEmpty();
        assertThat(runtime.plugins()).extracting(PluginInfo::name).contains("pausable");
        assertThat(stopped.kind()).isEqualTo(PluginKind.TASK);
        assertThat(stopped.pvSpecs()).extracting(s -> s.name()).startsWith("ENABLE", "STATUS", "MESSAGE");
        assertThat(stopped.config().orElseThrow().parameters()).containsEntry("interval", 0.05);
        assertThat(runtime.start("pausable").phase()).isEqualTo(PluginPhase.READY);
        await("it runs again").atMost(Duration.ofSeconds(20)).until(() -> message("pausable").startsWith("p"));
        assertThat(catchThrowableOfType(PluginOperationException.class, () -> runtime.start("nobody")).reason())
            .isEqualTo(PluginOperationException.Reason.NOT_FOUND);
    }

    @Test
    void theKindAndTheParametersAreCheckedBeforeAnythingIsInstalled() throws Exception {
        Repo repo = task("kinds", "k");
        LoaderException kind = catchThrowableOfType(LoaderException.class, () -> loader.add(new PluginRequest("kinds", repo.url(),
                "main", "", null, null, Map.of(), true, null, false, PluginKind.JOB)));
        assertThat(kind.reason()).isEqualTo(LoaderException.Reason.INVALID);
        assertThat(kind.getMessage()).isEqualTo("Repository contains a task, not a job. Use /api/v1/tasks instead.");
        LoaderException zero = catchThrowableOfType(LoaderException.class,
                () -> loader.add(LoaderIT.request("kinds", repo, Map.of("interval", 0))));
        assertThat(zero.report().errors()).containsExactly("parameters: field 'parameters.interval': must be a number of seconds above 0, got 0");
        assertThat(context.getBundle("taskhost:plugin:kinds")).isNull();
        assertThat(runtime.plugin("kinds")).isEmpty();

        loader.add(LoaderIT.request("kinds", repo, Map.of()));
        LoaderException fast = catchThrowableOfType(LoaderException.class, () -> loader.updateParameters("kinds", Map.of("interval", "fast")));
        assertThat(fast.report().errors()).containsExactly("parameters: field 'parameters.interval': must be a number of seconds above 0, got 'fast'");
        assertThat(loader.installed("kinds").orElseThrow().parameters()).isEmpty();
        assertThat(runtime.running("kinds").orElseThrow().parameterValues()).containsEntry("interval", 0.05);
    }

    @Test
    void aParameterUpdateDuringAReloadIsNotLost() throws Exception {
        Repo repo = task("racing", "v1");
        loader.add(LoaderIT.request("racing", repo, Map.of("greeting", "early")));
        await("v1 runs").atMost(Duration.ofSeconds(20)).until(() -> message("racing").equals("v1 early"));
        repo.commit("Plugin.java", LoaderIT.TASK.formatted("v2"));
        CompletableFuture<InstalledPlugin> reload = CompletableFuture.supplyAsync(() -> {
            try {
                return loader.reload("racing");
            } catch (LoaderException e) {
                throw new IllegalStateException(e);
            }
        });
        await("the reload has begun").atMost(Duration.ofSeconds(20))
                .until(() -> !message("racing").startsWith("v1") || reload.isDone());
        loader.updateParameters("racing", Map.of("greeting", "late"));
        reload.get(60, TimeUnit.SECONDS);
        assertThat(loader.installed("racing").orElseThrow().parameters()).containsEntry("greeting", "late");
        await("v2 runs with the update").atMost(Duration.ofSeconds(20)).until(() -> message("racing").equals("v2 late"));
    }

    @Test
    void viewsThatThrowOrBlockDoNotAffectARunningTask() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicLong heard = new AtomicLong();
        List<ServiceRegistration<?>> views = List.of(
                context.registerService(PvListener.class, (pv, value) -> {
                    throw new IllegalStateException("a broken view");
                }, null),
                context.registerService(PvListener.class, (pv, value) -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, null),
                context.registerService(PluginListener.class, event -> {
                    throw new IllegalStateException("a broken view");
                }, null),
                context.registerService(PvListener.class, (pv, value) -> heard.incrementAndGet(), null));
        try {
            loader.add(LoaderIT.request("busy", task("busy", "b"), Map.of("interval", 0.01)));
            ManagedPlugin busy = runtime.running("busy").orElseThrow();
            await("100 cycles").atMost(Duration.ofSeconds(20)).until(() -> busy.state().cycles() >= 100);
            assertThat(busy.state().status()).isEqualTo("RUN");
            assertThat(busy.state().errors()).isZero();
            assertThat(busy.state().phase()).isEqualTo(PluginPhase.READY);
            await("a good view still hears values").atMost(Duration.ofSeconds(20)).until(() -> heard.get() >= 100);
        } finally {
            never.countDown();
            views.forEach(ServiceRegistration::unregister);
        }
    }

    @Test
    void aRefusedUploadLeavesTheFilesOfTheUploadThatWon() throws Exception {
        Repo repo = task("upload", "u");
        loader.add(LoaderIT.request("packer", repo, Map.of()));
        byte[] jar = Files.readAllBytes(dataDir().resolve("plugins/packer").resolve(loader.installed("packer").orElseThrow().commit() + ".jar"));
        loader.remove("packer");
        List<CompletableFuture<String>> uploads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            uploads.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return "added " + loader.addJar("shipped", jar, Map.of()).name();
                } catch (LoaderException e) {
                    return e.reason().name();
                }
            }));
        }
        List<String> outcomes = uploads.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).containsOnlyOnce("added shipped").allMatch(o -> o.equals("added shipped") || o.equals("CONFLICT"));
        assertThat(dataDir().resolve("uploads/shipped/plugin.jar")).exists();
        assertThat(runtime.plugin("shipped").orElseThrow().phase()).isEqualTo(PluginPhase.READY);
    }

    private java.nio.file.Path dataDir() {
        return java.nio.file.Path.of(context.getProperty("taskhost.data"));
    }

    @Test
    void fiftyReadersDuringAddsAndRemovesMeetNoError() throws Exception {
        Repo repo = task("churn", "c");
        loader.add(LoaderIT.request("steady", repo, Map.of()));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(50);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            done.add(readers.submit(() -> {
                while (writing.get()) {
                    assertThat(runtime.plugins()).extracting(PluginInfo::name).contains("steady");
                    for (InstalledPlugin p : loader.installed()) {
                        runtime.plugin(p.name()).ifPresent(PluginInfo::state);
                    }
                    reads.incrementAndGet();
                    // as HTTP clients do between requests: 50 spinning threads on 2 cores would only measure the CPU
                    LockSupport.parkNanos(1_000_000);
                }
                return null;
            }));
        }
        for (int i = 0; i < 10; i++) {
            loader.add(LoaderIT.request("churn", repo, Map.of()));
            loader.remove("churn");
        }
        writing.set(false);
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        readers.shutdown();
        assertThat(reads.get()).isGreaterThan(50);
    }
}
