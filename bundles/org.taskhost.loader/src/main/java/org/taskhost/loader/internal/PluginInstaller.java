package org.taskhost.loader.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * Installs, updates and uninstalls plugin bundles, each at location {@code taskhost:plugin:<name>}, and starts them
 * through the model ({@link PluginRuntime#start}), which returns once initialize() has ended and says whether the
 * plugin is READY. A plugin that fails to resolve, construct or initialize is rolled back; an update that fails goes
 * back to the previous jar. Refreshes touch only the plugin's own bundle.
 */
final class PluginInstaller {

    static final String LOCATION = "taskhost:plugin:";
    private final BundleContext context;
    private final PluginRuntime runtime;

    PluginInstaller(BundleContext context, PluginRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    Optional<Bundle> bundle(String name) {
        return Optional.ofNullable(context.getBundle(LOCATION + name));
    }

    Bundle install(String name, byte[] jar, boolean start) throws BuildProblem {
        Bundle b;
        try {
            b = context.installBundle(LOCATION + name, new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw new BuildProblem("bundle: cannot install: " + e.getMessage());
        }
        try {
            if (start) {
                start(name);
            } else if (!context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(b))) {
                throw new BuildProblem("bundle: does not resolve; it may import a package that no bundle exports");
            }
            return b;
        } catch (BuildProblem e) {
            uninstall(b);
            throw e;
        }
    }

    /** Swaps in a new jar; if the new plugin fails to start, puts the old jar back, starts it again, and throws. */
    void update(Bundle b, String name, byte[] next, byte[] previous) throws BuildProblem {
        boolean active = b.getState() == Bundle.ACTIVE;
        try {
            swap(b, next);
            if (active) {
                start(name);
            }
        } catch (BundleException | BuildProblem e) {
            try {
                swap(b, previous);
                if (active) {
                    start(name);
                }
            } catch (BundleException | BuildProblem back) {
                throw new BuildProblem("the new version failed (" + e.getMessage() + ") and the previous one could not be restored: " + back.getMessage());
            }
            throw e instanceof BuildProblem p ? p : new BuildProblem("bundle: does not resolve: " + e.getMessage());
        }
    }

    /** Stops the plugin (its cleanup runs), replaces the jar and refreshes only this bundle. */
    private void swap(Bundle b, byte[] jar) throws BundleException {
        b.stop();
        b.update(new ByteArrayInputStream(jar));
        refresh(b);
    }

    private void start(String name) throws BuildProblem {
        try {
            runtime.start(name);
        } catch (PluginOperationException e) {
            // a plugin that failed says why in its typed state; otherwise (a bundle that did not resolve) the model does
            throw new BuildProblem(runtime.plugin(name).filter(p -> p.phase() == PluginPhase.FAILED)
                    .map(p -> "plugin did not start: " + p.state().message()).orElse(e.getMessage()));
        }
    }

    void uninstall(Bundle b) {
        try {
            b.uninstall();
            refresh(b);
        } catch (BundleException | IllegalStateException e) {
            // already uninstalled
        }
    }

    private void refresh(Bundle b) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
