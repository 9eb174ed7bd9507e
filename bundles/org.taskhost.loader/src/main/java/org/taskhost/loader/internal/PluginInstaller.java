package org.taskhost.loader.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginState;

/**
 * Installs, updates and uninstalls plugin bundles, each at location {@code taskhost:plugin:<name>}. An install
 * returns once the plugin's initialize() has finished; a plugin that fails to resolve, construct or initialize is
 * rolled back. An update that fails goes back to the previous jar. Refreshes touch only the plugin's own bundle.
 */
final class PluginInstaller {

    static final String LOCATION = "taskhost:plugin:";
    static final String INITIALIZING = "Initializing";
    private final BundleContext context;

    PluginInstaller(BundleContext context) {
        this.context = context;
    }

    Optional<Bundle> bundle(String name) {
        return Optional.ofNullable(context.getBundle(LOCATION + name));
    }

    Bundle install(String name, byte[] jar, boolean start, Duration wait) throws BuildProblem {
        Bundle b;
        try {
            b = context.installBundle(LOCATION + name, new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            throw new BuildProblem("bundle: cannot install: " + e.getMessage());
        }
        try {
            if (start) {
                b.start();
                awaitInitialized(name, wait);
            } else if (!context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(b))) {
                throw new BuildProblem("bundle: does not resolve; it may import a package that no bundle exports");
            }
            return b;
        } catch (BundleException e) {
            uninstall(b);
            throw new BuildProblem("bundle: does not resolve: " + e.getMessage());
        } catch (BuildProblem e) {
            uninstall(b);
            throw e;
        }
    }

    /** Swaps in a new jar; if the new plugin fails to start, puts the old jar back and throws. */
    void update(Bundle b, String name, byte[] next, byte[] previous, Duration wait) throws BuildProblem {
        boolean active = b.getState() == Bundle.ACTIVE;
        try {
            b.update(new ByteArrayInputStream(next));
            if (active) {
                awaitInitialized(name, wait);
            }
            refresh(b);
        } catch (BundleException | BuildProblem e) {
            try {
                b.update(new ByteArrayInputStream(previous));
                refresh(b);
                if (active && b.getState() != Bundle.ACTIVE) {
                    b.start();
                }
            } catch (BundleException back) {
                throw new BuildProblem("the new version failed (" + e.getMessage() + ") and the previous one could not be restored: " + back.getMessage());
            }
            throw e instanceof BuildProblem p ? p : new BuildProblem("bundle: does not resolve: " + e.getMessage());
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

    /** Waits until the plugin has left "Initializing"; fails if it ended in ERROR or FAILED at start. */
    private void awaitInitialized(String name, Duration wait) throws BuildProblem {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            Optional<PluginState> state = state(name);
            if (state.isPresent() && !state.get().message().equals(INITIALIZING)) {
                PluginState s = state.get();
                boolean broken = s.status().equals("ERROR") && !s.enabled();
                if (broken || s.message().startsWith("initialize() failed")) {
                    throw new BuildProblem("plugin did not start: " + s.message());
                }
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuildProblem("interrupted while waiting for " + name + " to start");
            }
        }
        throw new BuildProblem("plugin did not start within " + wait.toSeconds() + " s");
    }

    /** Calls the running plugin of that name, if there is one. */
    boolean withPlugin(String name, java.util.function.Consumer<ManagedPlugin> action) {
        try {
            for (ServiceReference<ManagedPlugin> ref : context.getServiceReferences(ManagedPlugin.class, "(" + ManagedPlugin.NAME + "=" + name + ")")) {
                ManagedPlugin p = context.getService(ref);
                if (p != null) {
                    try {
                        action.accept(p);
                        return true;
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Optional<PluginState> state(String name) {
        try {
            for (ServiceReference<ManagedPlugin> ref : context.getServiceReferences(ManagedPlugin.class, "(" + ManagedPlugin.NAME + "=" + name + ")")) {
                ManagedPlugin p = context.getService(ref);
                if (p != null) {
                    try {
                        return Optional.of(p.state());
                    } finally {
                        context.ungetService(ref);
                    }
                }
            }
            return Optional.empty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
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
