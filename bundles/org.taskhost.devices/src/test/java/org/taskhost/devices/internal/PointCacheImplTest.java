package org.taskhost.devices.internal;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.device.Quality;

class PointCacheImplTest {

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(warnings::add);
    private final PointCacheImpl cache = new PointCacheImpl(3, dispatcher);
    private final PointRef a = new PointRef("d1", "a");
    private final PointRef b = new PointRef("d2", "b");

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void keepsTheLatestValueAndARingOfHistory() {
        for (int i = 1; i <= 5; i++) {
            cache.put(a, PointValue.good((double) i));
        }
        assertThat(cache.latest(a)).map(PointValue::value).contains(5.0);
        assertThat(cache.history(a)).extracting(PointValue::value).containsExactly(3.0, 4.0, 5.0);
        assertThat(cache.latest(b)).isEmpty();
        assertThat(cache.latest("d1")).containsOnlyKeys("a");
    }

    @Test
    void listenersHearChangesOnlyOfWhatTheyFollow() throws Exception {
        List<String> all = new CopyOnWriteArrayList<>();
        List<String> onlyA = new CopyOnWriteArrayList<>();
        cache.listenAll((ref, v) -> all.add(ref + "=" + v.value() + "/" + v.quality()));
        cache.listen(a, (ref, v) -> onlyA.add(String.valueOf(v.value())));
        cache.put(a, PointValue.good(1.0));
        cache.put(a, PointValue.good(1.0));
        cache.put(b, PointValue.good(7L));
        cache.put(a, new PointValue(1.0, Instant.now(), Quality.UNCERTAIN, "stale"));
        await("three changes are heard").atMost(Duration.ofSeconds(20)).until(() -> all.size() == 3);
        assertThat(all).containsExactlyInAnyOrder("d1/a=1.0/GOOD", "d2/b=7/GOOD", "d1/a=1.0/UNCERTAIN");
        assertThat(all).as("one point's changes keep their order; different points need not")
                .filteredOn(s -> s.startsWith("d1/")).containsExactly("d1/a=1.0/GOOD", "d1/a=1.0/UNCERTAIN");
        assertThat(onlyA).containsExactly("1.0", "1.0");
        assertThat(cache.history(a)).as("every value is kept, changed or not").hasSize(3);
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthersAndAClosedOneHearsNothing() throws Exception {
        List<Object> heard = new CopyOnWriteArrayList<>();
        List<Object> closed = new CopyOnWriteArrayList<>();
        cache.listenAll((ref, v) -> {
            throw new IllegalStateException("broken view");
        });
        cache.listenAll((ref, v) -> heard.add(v.value()));
        ListenerHandle h = cache.listenAll((ref, v) -> closed.add(v.value()));
        h.close();
        cache.put(a, PointValue.good(1.0));
        cache.put(a, PointValue.good(2.0));
        await("both values are heard").atMost(Duration.ofSeconds(20)).until(() -> heard.size() == 2);
        assertThat(closed).isEmpty();
        assertThat(warnings).hasSize(1).allMatch(w -> w.contains("broken view"));
    }

    @Test
    void forgettingADeviceDropsItsPoints() {
        cache.put(a, PointValue.good(1.0));
        cache.put(b, PointValue.good(2.0));
        cache.forget("d1");
        assertThat(cache.latest(a)).isEmpty();
        assertThat(cache.latest(b)).isPresent();
    }
}
