package org.taskhost.devices.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline: no sleep-and-hope. */
final class Waits {

    private Waits() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
