package org.taskhost.runtime.internal.lifecycle;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs every call into one plugin, one at a time, on a virtual thread of its own; a watchdog fails a call
 * that runs past its timeout and interrupts it, so a hung plugin never holds up another.
 */
public final class PluginExecutor {

    private final ExecutorService serial;
    private final ScheduledExecutorService watchdog;

    public PluginExecutor(String plugin, ScheduledExecutorService watchdog) {
        this.serial = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("plugin-" + plugin).factory());
        this.watchdog = watchdog;
    }

    /**
     * @param what names the call in a timeout message, for example {@code execute()}
     * @param call the plugin code
     * @param timeout null for none
     * @return completes with the call's result, its exception, or a {@link TimeoutException}
     */
    public <T> CompletableFuture<T> submit(String what, Callable<T> call, Duration timeout) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> running;
        try {
            running = serial.submit(() -> {
                try {
                    result.complete(call.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the plugin has stopped"));
            return result;
        }
        if (timeout != null) {
            ScheduledFuture<?> dog = watchdog.schedule(() -> {
                if (result.completeExceptionally(new TimeoutException(what + " timed out after " + seconds(timeout) + " s"))) {
                    running.cancel(true);
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((r, e) -> dog.cancel(false));
        }
        return result;
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
        }
    }

    static String seconds(Duration d) {
        return String.valueOf(d.toMillis() / 1000.0);
    }
}
