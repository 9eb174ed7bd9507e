package org.taskhost.runtime.internal.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;
import org.taskhost.runtime.internal.pv.PvImpl;

class ListenerQueueTest {

    private final PvImpl pv = new PvImpl(PvSpec.builder("N", PvType.INT).build(), "T:N", (p, v) -> null);

    private static PvValue value(long n) {
        return new PvValue(n, Instant.now(), AlarmSeverity.NO_ALARM, "NO_ALARM");
    }

    @Test
    void aStalledListenerGetsEveryValueOfAShortBurstInOrderAndOnlyTheNewestOfALongOne() throws Exception {
        ListenerQueue queue = new ListenerQueue("test");
        CountDownLatch stalled = new CountDownLatch(1);
        List<Object> seen = new CopyOnWriteArrayList<>();
        queue.post(() -> {
            try {
                stalled.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (long n = 1; n <= 10; n++) {
            queue.postValue(() -> (p, v) -> seen.add(v.value()), pv, value(n));
        }
        stalled.countDown();
        awaitSize(seen, 10);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

        seen.clear();
        CountDownLatch again = new CountDownLatch(1);
        queue.post(() -> {
            try {
                again.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (long n = 1; n <= 100; n++) {
            queue.postValue(() -> (p, v) -> seen.add(v.value()), pv, value(n));
        }
        again.countDown();
        awaitSize(seen, ListenerQueue.PER_PV);
        assertThat(seen).hasSize(ListenerQueue.PER_PV).first().isEqualTo(100L - ListenerQueue.PER_PV + 1);
        assertThat(seen).last().isEqualTo(100L);
        queue.close();
    }

    @Test
    void aListenerThatThrowsStillGetsTheRestOfTheValues() throws Exception {
        ListenerQueue queue = new ListenerQueue("throwing");
        List<Object> seen = new CopyOnWriteArrayList<>();
        CountDownLatch stalled = new CountDownLatch(1);
        queue.post(() -> {
            try {
                stalled.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (long n = 1; n <= 3; n++) {
            queue.postValue(() -> (p, v) -> {
                seen.add(v.value());
                if (v.value().equals(2L)) {
                    throw new IllegalStateException("two");
                }
            }, pv, value(n));
        }
        stalled.countDown();
        awaitSize(seen, 3);
        assertThat(seen).containsExactly(1L, 2L, 3L);
        queue.close();
    }

    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (list.size() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(list).as("delivered within 10 s").hasSizeGreaterThanOrEqualTo(n);
    }
}
