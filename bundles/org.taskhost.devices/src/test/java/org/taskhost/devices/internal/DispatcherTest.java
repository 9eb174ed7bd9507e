package org.taskhost.devices.internal;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;

class DispatcherTest {

    @Test
    void aStalledListenerKeepsOnlyTheNewestChangesOfAPointAndOtherPointsStillArrive() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<Object> heard = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        PointRef a = new PointRef("d", "a");
        PointRef b = new PointRef("d", "b");
        PointListener listener = (ref, v) -> {
            if (heard.isEmpty()) {
                stalled.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            heard.add(ref.point() + "=" + v.value());
        };
        try (Dispatcher d = new Dispatcher(warnings::add)) {
            d.submit(listener, a, PointValue.good(0.0));
            assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 1000; i++) {
                d.submit(listener, a, PointValue.good((double) i));
            }
            d.submit(listener, b, PointValue.good(7.0));
            assertThat(d.counts().waiting()).isEqualTo(Dispatcher.PER_POINT + 1);
            assertThat(d.counts().dropped()).isEqualTo(1000 - Dispatcher.PER_POINT);
            release.countDown();
            await("the newest changes are heard").atMost(Duration.ofSeconds(20))
                    .until(() -> heard.size() == 2 + Dispatcher.PER_POINT);
            assertThat(heard).startsWith("a=0.0", "a=985.0").endsWith("a=1000.0", "b=7.0");
            assertThat(warnings).isEmpty();
        }
    }
}
