package org.taskhost.runtime.internal.lifecycle;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every call into one plugin, one at a time, on a virtual thread of its own. The {@link Watchdog} fails a call
 * that runs past its timeout, counted from when it started, and interrupts it, so a hung plugin never holds up another.
 */
public final class PluginExecutor {

    private final ExecutorService serial;
    private final Watchdog watchdog;
    private volatile Call<?> current;

    /** A call in progress: what the watchdog checks. */
    private record Call<T>(String what, CompletableFuture<T> result, Thread thread, long deadline, Duration timeout) {
        void expireIf(long now) {
            if (now - deadline > 0 && result.completeExceptionally(
                    new TimeoutException(what + " timed out after " + timeout.toMillis() / 1000.0 + " s"))) {
                thread.interrupt();
            }
        }
    }

    public PluginExecutor(String plugin, Watchdog watchdog) {
        this.serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("plugin-" + plugin).factory());
        this.watchdog = watchdog;
        watchdog.watch(this);
    }

    /**
     * @param what names the call in a timeout message, for example {@code execute()}
     * @param call the plugin code
     * @param timeout null for none
     * @return completes with the call's result, its exception, or a {@link TimeoutException}
     */
    public <T> CompletableFuture<T> submit(String what, Callable<T> call, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            serial.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                if (timeout != null) {
                    current = new Call<>(what, result, Thread.currentThread(), System.nanoTime() + timeout.toNanos(), timeout);
                }
                try {
                    result.complete(call.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    current = null;
                    Thread.interrupted();
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the plugin has stopped"));
        }
        return result;
    }

    /** Called by the watchdog: fails the current call if it is past its deadline. */
    void check(long now) {
        Call<?> c = current;
        if (c != null) {
            c.expireIf(now);
        }
    }

    /** Refuses new calls and waits for the queued ones, at most {@code wait}; then interrupts what still runs. */
    public void shutdown(Duration wait) {
        serial.shutdown();
        try {
            if (!serial.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                serial.shutdownNow();
            }
        } catch (InterruptedException e) {
            serial.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.forget(this);
        }
    }
}
