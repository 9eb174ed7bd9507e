package org.taskhost.loader.test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.taskhost.api.JobResult;
import org.taskhost.api.loader.InstalledPlugin;
import org.taskhost.api.loader.LoaderException;
import org.taskhost.api.loader.PluginLoader;
import org.taskhost.api.loader.PluginRequest;
import org.taskhost.api.runtime.ManagedPlugin;

/** The loader in a real Felix: plugins added from real git repositories, reloaded, removed, and refused when bad. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class LoaderIT {

    static final String TASK = """
            import org.taskhost.api.TaskBase;
            public class Plugin extends TaskBase {
                public void initialize() { }
                public void execute() { setMessage("%s " + parameters().getString("greeting", "none")); }
                public void cleanup() { }
            }
            """;
    static final String YAML = "parameters:\n  interval: 0.05\n";

    @InjectBundleContext
    BundleContext context;

    /** Every plugin in the model, tracked by osgi-test: looked up by name, with nothing left got and not ungot. */
    @InjectService(cardinality = 0)
    ServiceAware<ManagedPlugin> plugins;

    @InjectService(timeout = 20_000)
    PluginLoader loader;

    @InjectService(timeout = 20_000)
    ServiceComponentRuntime scr;

    @AfterEach
    void removeAll() throws Exception {
        for (InstalledPlugin p : loader.installed()) {
            loader.remove(p.name());
        }
    }

    static PluginRequest request(String name, Repo repo, Map<String, Object> parameters) {
        return new PluginRequest(name, repo.url(), "main", "", null, null, parameters, true, null, false);
    }

    private Optional<ManagedPlugin> plugin(String name) {
        return plugins.getTracked().entrySet().stream()
                .filter(e -> name.equals(e.getKey().getProperty(ManagedPlugin.NAME))).map(Map.Entry::getValue).findFirst();
    }


    private String message(String name) {
        return plugin(name).map(p -> p.state().message()).orElse("<gone>");
    }

    @Test
    void aTaskFromGitRunsWithItsParametersAndGoesAwayOnRemove() throws Exception {
        Repo repo = new Repo("task");
        String sha = repo.commit("Plugin.java", TASK.formatted("v1"), "config.yaml", YAML);
        InstalledPlugin added = loader.add(request("greeter", repo, Map.of("greeting", "hello")));
        assertThat(added.commit()).isEqualTo(sha);
        assertThat(added.pluginType()).isEqualTo("task");
        await("the plugin runs with the user's parameter").atMost(Duration.ofSeconds(20))
                .until(() -> message("greeter").equals("v1 hello"));
        assertThat(loader.installed("greeter")).isPresent();

        loader.remove("greeter");
        assertThat(plugin("greeter")).isEmpty();
        assertThat(loader.installed("greeter")).isEmpty();
        assertThat(context.getBundle("taskhost:plugin:greeter")).isNull();
    }

    @Test
    void aJobFromGitRunsAndReturnsItsResult() throws Exception {
        Repo repo = new Repo("job");
        repo.commit("jobs/sum/Sum.java", """
                import java.util.Map;
                import org.taskhost.api.JobBase;
                import org.taskhost.api.JobResult;
                public class Sum extends JobBase {
                    public void initialize() { }
                    public JobResult execute() { return JobResult.ok(Map.of("sum", 1 + 2), "added"); }
                }
                """);
        loader.add(new PluginRequest("summer", repo.url(), "", "jobs/sum", null, null, Map.of(), false, null, false));
        await("job idle").atMost(Duration.ofSeconds(20)).until(() -> message("summer").equals("Idle"));
        JobResult r = plugin("summer").orElseThrow().trigger().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(r.success()).isTrue();
        assertThat(r.data()).isEqualTo(Map.of("sum", 3));
    }

    @Test
    void reloadRunsTheNewCommitAndABrokenCommitKeepsTheOldVersion() throws Exception {
        Repo repo = new Repo("reload");
        repo.commit("Plugin.java", TASK.formatted("v1"), "config.yaml", YAML);
        loader.add(request("evolving", repo, Map.of()));
        await("v1 runs").atMost(Duration.ofSeconds(20)).until(() -> message("evolving").startsWith("v1"));

        String v2 = repo.commit("Plugin.java", TASK.formatted("v2"));
        assertThat(loader.reload("evolving").commit()).isEqualTo(v2);
        await("v2 runs").atMost(Duration.ofSeconds(20)).until(() -> message("evolving").startsWith("v2"));

        repo.commit("Plugin.java", "public class Plugin extends org.taskhost.api.TaskBase { oops }");
        LoaderException e = catchThrowableOfType(LoaderException.class, () -> loader.reload("evolving"));
        assertThat(e.reason()).isEqualTo(LoaderException.Reason.INVALID);
        assertThat(e.report().errors()).anyMatch(m -> m.startsWith("Plugin.java:1:"));
        assertThat(loader.installed("evolving").orElseThrow().commit()).isEqualTo(v2);
        long cycles = plugin("evolving").orElseThrow().state().cycles();
        await("v2 keeps running").atMost(Duration.ofSeconds(20))
                .until(() -> plugin("evolving").orElseThrow().state().cycles() > cycles + 3);
        assertThat(message("evolving")).startsWith("v2");
    }

    @Test
    void twoPluginsMayEachHaveAClassWithTheSameName() throws Exception {
        Repo a = new Repo("a");
        a.commit("Plugin.java", TASK.formatted("from-a"), "config.yaml", YAML);
        Repo b = new Repo("b");
        b.commit("Plugin.java", TASK.formatted("from-b"), "config.yaml", YAML);
        loader.add(request("alpha", a, Map.of()));
        loader.add(request("beta", b, Map.of()));
        await("both run their own class").atMost(Duration.ofSeconds(20))
                .until(() -> message("alpha").startsWith("from-a") && message("beta").startsWith("from-b"));
    }

    @Test
    void aPluginWhoseInitializeThrowsIsRefusedAndRolledBack() throws Exception {
        Repo good = new Repo("good");
        good.commit("Plugin.java", TASK.formatted("good"), "config.yaml", YAML);
        loader.add(request("steady", good, Map.of()));
        Repo bad = new Repo("bad");
        bad.commit("Plugin.java", TASK.formatted("bad").replace("public void initialize() { }",
                "public void initialize() { throw new IllegalStateException(\"no hardware\"); }"));
        LoaderException e = catchThrowableOfType(LoaderException.class, () -> loader.add(request("broken", bad, Map.of())));
        assertThat(e.reason()).isEqualTo(LoaderException.Reason.INVALID);
        assertThat(e.getMessage()).isEqualTo("plugin did not start: initialize() failed: no hardware");
        assertThat(plugin("broken")).isEmpty();
        assertThat(loader.installed("broken")).isEmpty();
        assertThat(context.getBundle("taskhost:plugin:broken")).isNull();
        long cycles = plugin("steady").orElseThrow().state().cycles();
        await("the other plugin keeps running").atMost(Duration.ofSeconds(20))
                .until(() -> plugin("steady").orElseThrow().state().cycles() > cycles + 3);
    }

    @Test
    void requestsThatCannotBeServedSayWhy() throws Exception {
        Repo repo = new Repo("names");
        repo.commit("Plugin.java", TASK.formatted("x"), "config.yaml", YAML);
        loader.add(request("taken", repo, Map.of()));
        assertThat(catchThrowableOfType(LoaderException.class, () -> loader.add(request("taken", repo, Map.of()))))
            .satisfies(e -> assertThat(e.reason()).isEqualTo(LoaderException.Reason.CONFLICT))
            .hasMessage("plugin 'taken' already exists");
        assertThat(catchThrowableOfType(LoaderException.class, () -> loader.add(request("bad name!", repo, Map.of()))))
            .satisfies(e -> assertThat(e.reason()).isEqualTo(LoaderException.Reason.BAD_REQUEST))
            .hasMessage("name 'bad name!' must be 1 to 128 letters, digits, '_' or '-'");
        assertThat(catchThrowableOfType(LoaderException.class, () -> loader.remove("nobody")))
            .satisfies(e -> assertThat(e.reason()).isEqualTo(LoaderException.Reason.NOT_FOUND));
        assertThat(catchThrowableOfType(LoaderException.class, () -> loader.add(
                new PluginRequest("nowhere", repo.url(), "", "../..", null, null, Map.of(), true, null, false))))
            .hasMessageContaining("path '../..' must not contain '..'");
    }

    @Test
    void twentyInstallAndRemoveCyclesRestartNoCoreComponent() throws Exception {
        Map<String, Long> before = componentIds();
        Repo repo = new Repo("cycles");
        repo.commit("Plugin.java", TASK.formatted("c"), "config.yaml", YAML);
        for (int i = 0; i < 20; i++) {
            loader.add(request("cycle", repo, Map.of()));
            loader.remove("cycle");
        }
        assertThat(componentIds()).isEqualTo(before);
    }

    private Map<String, Long> componentIds() {
        Map<String, Long> ids = new TreeMap<>();
        for (var d : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                ids.put(d.name, c.id);
            }
        }
        return ids;
    }
}
