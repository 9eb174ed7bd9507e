package org.taskhost.runtime.internal.views;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;
import org.taskhost.runtime.internal.pv.PvImpl;

class ViewListenersTest {

    private final PvImpl stall = new PvImpl(PvSpec.builder("S", PvType.INT).build(), "T:S", (p, v) -> null);
    private final PvImpl pv = new PvImpl(PvSpec.builder("N", PvType.INT).build(), "T:N", (p, v) -> null);
    private final ViewListeners views = new ViewListeners();
    private final List<Object> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch inListener = new CountDownLatch(1);

    @AfterEach
    void close() {
        views.close();
    }

    private static PvValue value(long n) {
        return new PvValue(n, Instant.now(), AlarmSeverity.NO_ALARM, "NO_ALARM");
    }

    /** A value listener that stalls on the PV S until released, and records the values of N. */
    private void addStallingListener(boolean throwOnTwo) {
        views.add((p, v) -> {
            if (p == stall) {
                inListener.countDown();
                try {
                    stalled.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            seen.add(v.value());
            if (throwOnTwo && v.value().equals(2L)) {
                throw new IllegalStateException("two");
            }
        });
    }

    @Test
    void aStalledListenerGetsEveryValueOfAShortBurstInOrder() throws Exception {
        addStallingListener(false);
        views.changed(stall, value(0));
        assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
        for (long n = 1; n <= 10; n++) {
            views.changed(pv, value(n));
        }
        stalled.countDown();
        awaitSize(10);
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aStalledListenerGetsOnlyTheNewestOfALongBurstAndTheDropsAreCounted() throws Exception {
        addStallingListener(false);
        views.changed(stall, value(0));
        assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
        for (long n = 1; n <= 100; n++) {
            views.changed(pv, value(n));
        }
        stalled.countDown();
        awaitSize(ViewListeners.VALUES_PER_PV);
        assertThat(seen).hasSize(ViewListeners.VALUES_PER_PV).first().isEqualTo(100L - ViewListeners.VALUES_PER_PV + 1);
        assertThat(seen).last().isEqualTo(100L);
        assertThat(views.counts().values()).singleElement().satisfies(c -> assertThat(c.dropped()).isEqualTo(100 - ViewListeners.VALUES_PER_PV));
    }

    @Test
    void aListenerThatThrowsStillGetsTheRestOfTheValues() throws Exception {
        addStallingListener(true);
        views.changed(stall, value(0));
        assertThat(inListener.await(5, TimeUnit.SECONDS)).isTrue();
        for (long n = 1; n <= 3; n++) {
            views.changed(pv, value(n));
        }
        stalled.countDown();
        awaitSize(3);
        assertThat(seen).containsExactly(1L, 2L, 3L);
    }

    private void awaitSize(int n) {
        await("delivered").until(() -> seen.size() >= n);
    }
}
