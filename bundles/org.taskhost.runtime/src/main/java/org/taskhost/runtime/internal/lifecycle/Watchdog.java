package org.taskhost.runtime.internal.lifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Times out plugin calls: every {@value #SCAN_MS} ms it checks the one call in progress of each plugin executor.
 * One scan costs the same however many calls start and end in between, unlike a timer per call.
 */
public final class Watchdog {

    static final long SCAN_MS = 10;
    private final Set<PluginExecutor> executors = ConcurrentHashMap.newKeySet();

    Watchdog(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(this::scan, SCAN_MS, SCAN_MS, TimeUnit.MILLISECONDS);
    }

    void watch(PluginExecutor executor) {
        executors.add(executor);
    }

    void forget(PluginExecutor executor) {
        executors.remove(executor);
    }

    private void scan() {
        long now = System.nanoTime();
        for (PluginExecutor e : executors) {
            e.check(now);
        }
    }
}
