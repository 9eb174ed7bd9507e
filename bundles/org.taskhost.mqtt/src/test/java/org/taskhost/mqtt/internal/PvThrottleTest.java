package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The rate limiter with a fake clock and a fake scheduler: nothing waits, nothing depends on timing. */
class PvThrottleTest {

    static final long MS = 1_000_000;

    /** A clock moved by hand and the flushes it would run, in due order. */
    static final class Fake implements PvThrottle.Scheduler {
        long now = 1_000 * MS;
        final List<long[]> dueAt = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void schedule(Runnable task, long delayNanos) {
            dueAt.add(new long[] {now + delayNanos});
            tasks.add(task);
        }

        /** Moves the clock to {@code t} ms after the start, running the flushes due until then. */
        void advanceTo(long ms) {
            long target = 1_000 * MS + ms * MS;
            while (true) {
                int first = -1;
                for (int i = 0; i < dueAt.size(); i++) {
                    if (dueAt.get(i)[0] <= target && (first < 0 || dueAt.get(i)[0] < dueAt.get(first)[0])) {
                        first = i;
                    }
                }
                if (first < 0) {
                    break;
                }
                now = Math.max(now, dueAt.remove(first)[0]);
                tasks.remove(first).run();
            }
            now = target;
        }
    }

    final Fake fake = new Fake();
    final List<String> sent = new ArrayList<>();

    PvThrottle<String, Integer> throttle(long intervalMs) {
        return new PvThrottle<>(intervalMs * MS, () -> fake.now, fake, (k, v) -> sent.add(k + "=" + v));
    }

    @Test
    void theFirstValueGoesAtOnceAndChangesWithinTheIntervalAreCoalescedToTheNewest() {
        PvThrottle<String, Integer> t = throttle(100);
        t.offer("A", 1);
        assertThat(sent).containsExactly("A=1");
        for (int i = 2; i <= 50; i++) {
            fake.advanceTo(i);
            t.offer("A", i);
        }
        assertThat(sent).as("nothing more within the interval").containsExactly("A=1");
        assertThat(t.pending()).isEqualTo(1);
        assertThat(fake.tasks).as("one scheduled flush, not one per value").hasSize(1);
        fake.advanceTo(100);
        assertThat(sent).as("the newest at the interval's end").containsExactly("A=1", "A=50");
        assertThat(t.pending()).isZero();
        fake.advanceTo(1_000);
        assertThat(sent).as("nothing after the burst").containsExactly("A=1", "A=50");
        t.offer("A", 51);
        assertThat(sent).as("a change after a quiet interval goes at once").containsExactly("A=1", "A=50", "A=51");
    }

    @Test
    void aSteadyStreamGivesOneMessagePerIntervalNeverABacklog() {
        PvThrottle<String, Integer> t = throttle(100);
        for (int ms = 0; ms < 1_000; ms++) {
            fake.advanceTo(ms);
            t.offer("A", ms);
            assertThat(t.pending()).isLessThanOrEqualTo(1);
            assertThat(fake.tasks.size()).isLessThanOrEqualTo(1);
        }
        fake.advanceTo(5_000);
        assertThat(sent).hasSize(11).startsWith("A=0").endsWith("A=999");
        assertThat(sent.get(1)).isEqualTo("A=99");
    }

    @Test
    void eachPvHasItsOwnIntervalWithOneFlushForAll() {
        PvThrottle<String, Integer> t = throttle(100);
        t.offer("A", 1);
        fake.advanceTo(30);
        t.offer("B", 1);
        t.offer("A", 2);
        t.offer("B", 2);
        t.offer("A", 3);
        assertThat(sent).containsExactly("A=1", "B=1");
        assertThat(fake.tasks).hasSize(1);
        fake.advanceTo(100);
        assertThat(sent).as("A's interval ended, B's not yet").containsExactly("A=1", "B=1", "A=3");
        fake.advanceTo(130);
        assertThat(sent).containsExactly("A=1", "B=1", "A=3", "B=2");
        assertThat(fake.tasks).isEmpty();
        t.offer("C", 7);
        assertThat(sent).endsWith("C=7");
    }

    @Test
    void zeroSendsEveryChange() {
        PvThrottle<String, Integer> t = throttle(0);
        for (int i = 0; i < 10; i++) {
            t.offer("A", i);
        }
        assertThat(sent).hasSize(10).endsWith("A=9");
        assertThat(fake.tasks).isEmpty();
    }

    @Test
    void theIntervalSettingIsSecondsRefusedByName() {
        assertThat(interval(Map.of())).as("the default").isEqualTo(100 * MS);
        assertThat(interval(Map.of("pvInterval", "0"))).isZero();
        assertThat(interval(Map.of("pvInterval", "2"))).isEqualTo(2_000 * MS);
        assertThat(interval(Map.of("pvInterval", 0.5))).isEqualTo(500 * MS);
        assertThat(interval(Map.of("pvInterval", "0.25"))).isEqualTo(250 * MS);
        for (String bad : List.of("-1", "-0.1", "abc", "1s", "NaN", "Infinity", "0,5", "")) {
            assertThatThrownBy(() -> interval(Map.of("pvInterval", bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TASKHOST_MQTT_PV_INTERVAL: ")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    static long interval(Map<String, Object> values) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.putAll(Map.of("url", "tcp://h:1883", "node", "n"));
        return MqttSettings.pvIntervalNanos(TestConfigs.config(all));
    }
}
