package org.taskhost.runtime.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline. */
final class Await {

    static final Duration DEADLINE = Duration.ofSeconds(15);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + DEADLINE.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
