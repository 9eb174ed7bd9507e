package org.taskhost.loader.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per plugin name: adds, reloads and removes of one plugin exclude each other (a second one is refused),
 * and a parameter update waits for the change in progress instead of being lost behind it.
 */
final class PluginLocks {

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** @return whether the calling thread holds the plugin's lock now (it may already have held it) */
    boolean tryLock(String name) {
        return lockOf(name).tryLock();
    }

    /** @return whether the lock was had within {@code wait} */
    boolean lock(String name, Duration wait) {
        try {
            return lockOf(name).tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void unlock(String name) {
        locks.get(name).unlock();
    }

    private ReentrantLock lockOf(String name) {
        return locks.computeIfAbsent(name, n -> new ReentrantLock());
    }
}
