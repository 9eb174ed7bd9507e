package org.taskhost.runtime.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import sun.misc.Signal;

/**
 * In the launched taskhost process (framework property {@code taskhost.signals=true}), SIGTERM exits with status 0
 * and the JVM shutdown stops the framework first, so every plugin's cleanup() runs. A shutdown from the shell
 * ({@code stop 0}, Ctrl-D) exits 0 too. The exit status is fixed by the first {@code System.exit}, so the
 * launcher's own exit code, once the framework has stopped, cannot replace it. The bundles named by the framework
 * property {@code taskhost.stop.first} are stopped before the framework stops (the launcher names the Jakarta REST
 * whiteboard: stopped last, it would reload Jersey as every bundle before it leaves). It activates before the extender
 * (components activate in name order), so a SIGTERM is handled from the moment plugins can run.
 */
@Component(immediate = true)
public class CleanExit {

    static final long STOP_WAIT_MS = 120_000;
    /** framework property: bundle symbolic names, comma-separated, stopped before the framework stops the rest */
    static final String STOP_FIRST = "taskhost.stop.first";
    private Thread hook;
    private Framework framework;

    @Activate
    public CleanExit(BundleContext context) {
        if (!"true".equals(context.getProperty("taskhost.signals"))) {
            return;
        }
        framework = (Framework) context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        Framework fw = framework;
        String first = context.getProperty(STOP_FIRST);
        hook = Thread.ofPlatform().name("taskhost-shutdown").unstarted(() -> {
            try {
                stopFirst(context, first);
                fw.stop();
                fw.waitForStop(STOP_WAIT_MS);
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        Signal.handle(new Signal("TERM"), signal -> Thread.ofPlatform().name("taskhost-sigterm").start(() -> System.exit(0)));
    }

    /**
     * The bundles named by {@link #STOP_FIRST}, in that order, before the framework stops the rest (highest start
     * level first). Transient: they start again with the framework.
     */
    static void stopFirst(BundleContext context, String names) {
        if (names == null || names.isBlank()) {
            return;
        }
        for (String name : names.split(",")) {
            try {
                for (Bundle b : context.getBundles()) {
                    if (name.trim().equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                        b.stop(Bundle.STOP_TRANSIENT);
                    }
                }
            } catch (BundleException | IllegalStateException e) {
                // stopping already (a shutdown from the shell), or this one failed: the framework stops it in its order
            }
        }
    }

    @Deactivate
    void deactivate() {
        if (framework != null && framework.getState() == Bundle.STOPPING) {
            Thread.ofPlatform().name("taskhost-exit").start(() -> System.exit(0));
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down, through this very hook
            }
        }
    }
}
