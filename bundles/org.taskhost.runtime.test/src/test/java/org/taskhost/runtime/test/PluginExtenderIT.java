package org.taskhost.runtime.test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.service.ServiceExtension;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.runtime.test.plugins.CountingTask;
import org.taskhost.runtime.test.plugins.HangingConstructorTask;
import org.taskhost.runtime.test.plugins.HangingInitTask;
import org.taskhost.runtime.test.plugins.ThrowingConstructorTask;
import org.taskhost.runtime.test.plugins.ThrowingInitTask;

/** The extender inside a real Felix: plugin bundles installed at runtime run, stop cleanly and disturb nothing else. */
@ExtendWith({BundleContextExtension.class, ServiceExtension.class})
class PluginExtenderIT {

    @InjectBundleContext
    BundleContext context;

    /** Every plugin in the model, tracked by osgi-test: looked up by name, with nothing left got and not ungot. */
    @InjectService(cardinality = 0)
    ServiceAware<ManagedPlugin> plugins;

    @InjectService(timeout = 10_000)
    PvRegistry registry;

    @InjectService(timeout = 10_000)
    ServiceComponentRuntime scr;

    @InjectService(timeout = 10_000)
    PluginRuntime runtime;

    private final List<Bundle> installed = new ArrayList<>();

    @AfterEach
    void uninstall() throws Exception {
        for (Bundle b : installed) {
            if (b.getState() != Bundle.UNINSTALLED) {
                b.uninstall();
            }
        }
    }

    private Bundle install(String name, Class<?> plugin, String yaml) throws Exception {
        return install(name, null, plugin, yaml);
    }

    private Bundle install(String name, String pluginName, Class<?> plugin, String yaml) throws Exception {
        Bundle b = PluginBundles.install(context, name, pluginName, plugin, yaml);
        installed.add(b);
        return b;
    }

    private Optional<ManagedPlugin> plugin(String name) {
        return plugins.getTracked().entrySet().stream()
                .filter(e -> name.equals(e.getKey().getProperty(ManagedPlugin.NAME))).map(Map.Entry::getValue).findFirst();
    }

    private ManagedPlugin awaitPlugin(String name, String status) throws InterruptedException {
        await(name + " is " + status).atMost(Duration.ofSeconds(15))
                .until(() -> plugin(name).map(p -> p.state().status().equals(status)).orElse(false));
        return plugin(name).orElseThrow();
    }

    @Test
    void anInstalledPluginBundleRunsAndUninstallingItRunsCleanup() throws Exception {
        Bundle b = install("counter", CountingTask.class, PluginBundles.COUNTING_YAML);
        ManagedPlugin p = awaitPlugin("counter", "RUN");
        await("counter has run").atMost(Duration.ofSeconds(15)).until(() -> p.state().cycles() >= 3);
        assertThat(p.className()).isEqualTo(CountingTask.class.getName());
        assertThat(registry.find("BEAMLINE:DEFAULT:COUNTER:COUNT")).map(Pv::getDouble).hasValueSatisfying(v -> assertThat(v).isGreaterThan(0));

        b.uninstall();
        assertThat(Integer.getInteger("taskhost.it.cleanup.counter")).isEqualTo(1);
        assertThat(plugin("counter")).isEmpty();
        assertThat(registry.find("BEAMLINE:DEFAULT:COUNTER:COUNT")).isEmpty();
    }

    @Test
    void installingAndRemovingPluginsRestartsNoOtherComponent() throws Exception {
        Map<String, Long> before = coreComponentIds();
        long registryService = (Long) context.getServiceReference(PvRegistry.class).getProperty("service.id");
        assertThat(before).isNotEmpty();
        for (int i = 0; i < 3; i++) {
            Bundle b = install("cycle" + i, CountingTask.class, PluginBundles.COUNTING_YAML);
            awaitPlugin("cycle" + i, "RUN");
            b.uninstall();
            refresh(b);
        }
        assertThat(coreComponentIds()).isEqualTo(before);
        assertThat(context.getServiceReference(PvRegistry.class).getProperty("service.id")).isEqualTo(registryService);
    }

    @Test
    void brokenPluginsEndInErrorWhileOthersKeepRunning() throws Exception {
        install("healthy", CountingTask.class, PluginBundles.COUNTING_YAML);
        ManagedPlugin healthy = awaitPlugin("healthy", "RUN");

        install("badctor", ThrowingConstructorTask.class, PluginBundles.COUNTING_YAML);
        install("badinit", ThrowingInitTask.class, PluginBundles.COUNTING_YAML);
        install("hanging", HangingInitTask.class, PluginBundles.COUNTING_YAML.replace("interval: 0.02\n", "interval: 0.02\n  init_timeout: 0.3\n"));
        assertThat(awaitPlugin("badctor", "ERROR").state().message()).startsWith("constructor failed: java.lang.IllegalStateException: constructor refuses");
        assertThat(awaitPlugin("badinit", "ERROR").state().message()).isEqualTo("initialize() failed: no hardware");
        assertThat(awaitPlugin("hanging", "ERROR").state().message()).isEqualTo("initialize() failed: initialize() timed out after 0.3 s");
        install("stuckctor", HangingConstructorTask.class, PluginBundles.COUNTING_YAML.replace("interval: 0.02\n", "interval: 0.02\n  init_timeout: 0.3\n"));
        assertThat(awaitPlugin("stuckctor", "ERROR").state().message()).isEqualTo("constructor did not return within 0.3 s");

        long cycles = healthy.state().cycles();
        await("the healthy plugin keeps running").atMost(Duration.ofSeconds(15))
                .until(() -> healthy.state().cycles() > cycles + 5);
        assertThat(healthy.state().status()).isEqualTo("RUN");
    }

    @Test
    void aRemovedPluginsClassLoaderCanBeCollected() throws Exception {
        WeakReference<ClassLoader> loader = runAndRemove("collectable");
        // Nothing of the plugin is left to the test; only the runtime (or Felix) can still hold the loader.
        await("the removed plugin's class loader is collected").atMost(Duration.ofSeconds(15)).until(() -> {
            System.gc();
            return loader.get() == null;
        });
    }

    /** Runs a plugin, then uninstalls and refreshes its bundle; the references it made die with this frame. */
    private WeakReference<ClassLoader> runAndRemove(String name) throws Exception {
        Bundle b = install(name, CountingTask.class, PluginBundles.COUNTING_YAML);
        ManagedPlugin p = awaitPlugin(name, "RUN");
        await(name + " has run").atMost(Duration.ofSeconds(15)).until(() -> p.state().cycles() >= 3);
        ClassLoader loader = b.adapt(BundleWiring.class).getClassLoader();
        assertThat(p.getClass().getClassLoader()).as("the runner is the runtime's, not the plugin's").isNotSameAs(loader);
        assertThat(b.loadClass(CountingTask.class.getName()).getClassLoader()).isSameAs(loader);
        b.uninstall();
        refresh(b);
        installed.remove(b);
        return new WeakReference<>(loader);
    }

    @Test
    void aSecondBundleWithATakenPluginNameFailsAndLeavesTheFirstAlone() throws Exception {
        Bundle first = install("twin-a", "twin", CountingTask.class, PluginBundles.COUNTING_YAML);
        ManagedPlugin running = awaitPlugin("twin", "RUN");

        Bundle second = install("twin-b", "twin", CountingTask.class, PluginBundles.COUNTING_YAML);
        String listed = "twin-" + second.getBundleId();
        assertThat(awaitPlugin(listed, "ERROR").state().message()).isEqualTo("plugin name twin is already used by bundle " + first.getBundleId());

        // the name still leads to the first bundle's plugin, which never stopped
        assertThat(context.getServiceReferences(ManagedPlugin.class, "(" + ManagedPlugin.NAME + "=twin)")).singleElement()
                .satisfies(r -> assertThat(r.getBundle()).isEqualTo(first));
        assertThat(runtime.plugin("twin")).hasValueSatisfying(i -> assertThat(i.state().status()).isEqualTo("RUN"));
        assertThat(runtime.plugins()).filteredOn(i -> i.name().equals("twin")).singleElement()
                .satisfies(i -> assertThat(i.bundleId()).isEqualTo(first.getBundleId()));
        assertThat(runtime.plugins()).as("the refused bundle is listed with why").filteredOn(i -> i.name().equals(listed))
                .singleElement().satisfies(i -> assertThat(i.state().message()).contains("already used by bundle"));
        assertThat(runtime.plugin(listed)).hasValueSatisfying(i -> assertThat(i.state().status()).isEqualTo("ERROR"));
        long cycles = running.state().cycles();
        await("the first twin keeps running").atMost(Duration.ofSeconds(15))
                .until(() -> running.state().cycles() > cycles + 5);
        assertThat(Integer.getInteger("taskhost.it.cleanup.twin")).as("the first twin's cleanup ran").isNull();

        // removing the refused one touches nothing of the first either
        second.uninstall();
        assertThat(plugin(listed)).isEmpty();
        assertThat(runtime.plugin(listed)).isEmpty();
        assertThat(awaitPlugin("twin", "RUN")).isSameAs(running);
        assertThat(Integer.getInteger("taskhost.it.cleanup.twin")).isNull();
        assertThat(registry.find("BEAMLINE:DEFAULT:TWIN:COUNT")).isPresent();
    }

    private Map<String, Long> coreComponentIds() {
        Map<String, Long> ids = new TreeMap<>();
        for (var description : scr.getComponentDescriptionDTOs()) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(description)) {
                ids.put(description.name, c.id);
            }
        }
        return ids;
    }

    private void refresh(Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).as("refresh finished").isTrue();
    }

}
