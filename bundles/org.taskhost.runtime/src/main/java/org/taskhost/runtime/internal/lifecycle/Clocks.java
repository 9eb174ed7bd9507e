package org.taskhost.runtime.internal.lifecycle;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The runtime's two timers, each on a platform thread of its own: {@code ticks} starts continuous cycles and the
 * {@link Watchdog} times calls out, so that timing calls out never delays a tick.
 */
public final class Clocks implements AutoCloseable {

    private final ScheduledThreadPoolExecutor ticks = timer("taskhost-ticks");
    private final ScheduledThreadPoolExecutor watchdogTimer = timer("taskhost-watchdog");
    private final Watchdog watchdog = new Watchdog(watchdogTimer);

    private static ScheduledThreadPoolExecutor timer(String name) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(name).daemon().factory());
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    public ScheduledExecutorService ticks() {
        return ticks;
    }

    public Watchdog watchdog() {
        return watchdog;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        watchdogTimer.shutdownNow();
    }
}
