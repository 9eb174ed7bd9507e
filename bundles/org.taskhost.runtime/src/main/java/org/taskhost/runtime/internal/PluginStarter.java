package org.taskhost.runtime.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginOperationException.Reason;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.runtime.internal.lifecycle.Runner;

/**
 * Start and stop as operations of the model: a start returns when the plugin's initialize() has ended, and says why
 * when it failed; the outcome is the runner's typed phase, never its MESSAGE. One start or stop of a plugin runs at a
 * time, under the entry's {@link PluginEntry#operation} lock, which a waiting virtual thread can unmount from.
 */
final class PluginStarter {

    /** How long past its {@code init_timeout} a start waits: the watchdog ends initialize() before that. */
    private static final long MARGIN_SECONDS = 10;
    /** How long a started bundle may wait for the framework's start level (at boot) before its plugin exists. */
    private static final long ACTIVATION_MILLIS = 120_000;

    static PluginOperationException notFound(String name) {
        return new PluginOperationException(Reason.NOT_FOUND, "plugin '" + name + "' not found");
    }

    PluginEntry start(PluginEntry e) {
        e.operation.lock();
        try {
            if (e.bundle.getState() != Bundle.ACTIVE) {
                try {
                    e.bundle.start();
                } catch (BundleException | IllegalStateException x) {
                    throw new PluginOperationException(Reason.FAILED, "plugin '" + e.name + "' did not start: bundle: " + x.getMessage());
                }
            }
            ManagedPlugin plugin = created(e);
            if (!(plugin instanceof Runner runner)) {
                throw new PluginOperationException(Reason.FAILED, "plugin '" + e.name + "' did not start: " + plugin.state().message());
            }
            PluginPhase phase = await(runner);
            if (phase != PluginPhase.READY) {
                throw new PluginOperationException(Reason.FAILED, "plugin '" + e.name + "' did not start: " + runner.state().message());
            }
            return e;
        } finally {
            e.operation.unlock();
        }
    }

    PluginEntry stop(PluginEntry e) {
        e.operation.lock();
        try {
            e.bundle.stop();
            return e;
        } catch (BundleException | IllegalStateException x) {
            throw new PluginOperationException(Reason.CONFLICT, "plugin '" + e.name + "' cannot be stopped: " + x.getMessage());
        } finally {
            e.operation.unlock();
        }
    }

    private static ManagedPlugin created(PluginEntry e) {
        try {
            return e.awaitCreated(ACTIVATION_MILLIS).orElseThrow(() -> new PluginOperationException(Reason.FAILED,
                    "plugin '" + e.name + "' did not start: its bundle did not become active (state " + e.bundle.getState() + ")"));
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new PluginOperationException(Reason.FAILED, "interrupted while starting plugin '" + e.name + "'");
        }
    }

    private static PluginPhase await(Runner runner) {
        Object limit = runner.config().parameters().get("init_timeout");
        double seconds = (limit instanceof Number n ? n.doubleValue() : 30.0) + MARGIN_SECONDS;
        try {
            return runner.started().toCompletableFuture().get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException x) {
            throw new PluginOperationException(Reason.FAILED, "plugin '" + runner.name() + "' did not finish initialize() within "
                    + seconds + " s");
        } catch (ExecutionException x) {
            throw new PluginOperationException(Reason.FAILED, "plugin '" + runner.name() + "' did not start: " + x.getCause());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new PluginOperationException(Reason.FAILED, "interrupted while starting plugin '" + runner.name() + "'");
        }
    }
}
