package org.taskhost.api.handoff;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class HandoffTest {

    private final List<String> got = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch inConsumer = new CountDownLatch(1);

    /** A consumer that holds its first item until released, as a stuck view would. */
    private void slow(String item) {
        inConsumer.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        got.add(item);
    }

    @Test
    void everyItemArrivesInOrderWhenTheConsumerKeepsUp() throws Exception {
        try (Handoff<String> h = Handoff.<String>named("t").start(got::add)) {
            for (int i = 0; i < 1000; i++) {
                h.offer("i" + i);
            }
            await().until(() -> h.counts().delivered() == 1000);
            assertThat(got).hasSize(1000).startsWith("i0", "i1").endsWith("i999");
            assertThat(h.counts()).isEqualTo(new Handoff.Counts(1000, 1000, 0, 0, 0));
        }
    }

    @Test
    void aStuckConsumerKeepsOnlyTheNewestUpToTheCapacity() throws Exception {
        try (Handoff<String> h = Handoff.<String>named("t").capacity(10).start(this::slow)) {
            h.offer("first");
            assertThat(inConsumer.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10_000; i++) {
                h.offer("i" + i);
            }
            assertThat(h.counts().waiting()).isEqualTo(10);
            assertThat(h.counts().dropped()).isEqualTo(9_990);
            release.countDown();
            await().until(() -> got.size() == 11);
            assertThat(got).containsExactly("first", "i9990", "i9991", "i9992", "i9993", "i9994", "i9995", "i9996", "i9997", "i9998", "i9999");
            await().until(() -> h.counts().delivered() == 11);
            assertThat(h.counts()).isEqualTo(new Handoff.Counts(10_001, 11, 9_990, 0, 0));
        }
    }

    @Test
    void itemsOfOneKeyWaitInThePlaceOfTheFirstAndKeepTheNewestPerKey() throws Exception {
        try (Handoff<String> h = Handoff.<String>named("t").coalesce(s -> s.charAt(0), 2).start(this::slow)) {
            h.offer("x0");
            assertThat(inConsumer.await(5, TimeUnit.SECONDS)).isTrue();
            h.offer("a1");
            h.offer("b1");
            h.offer("a2");
            h.offer("a3");
            h.offer("b2");
            h.offer("c1");
            assertThat(h.counts().dropped()).as("a1 made room for a3").isEqualTo(1);
            release.countDown();
            await().until(() -> got.size() == 6);
            assertThat(got).containsExactly("x0", "a2", "a3", "b1", "b2", "c1");
        }
    }

    @Test
    void withOnePerKeyOnlyTheNewestValueOfEachKeyWaits() throws Exception {
        try (Handoff<String> h = Handoff.<String>named("t").coalesce(s -> s.charAt(0), 1).start(this::slow)) {
            h.offer("x0");
            assertThat(inConsumer.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100; i++) {
                h.offer("a" + i);
                h.offer("b" + i);
            }
            release.countDown();
            await().until(() -> got.size() == 3);
            assertThat(got).containsExactly("x0", "a99", "b99");
            assertThat(h.counts().dropped()).isEqualTo(198);
        }
    }

    @Test
    void theDropHandlerHearsOfEveryDroppedItemAlsoAtCloseNow() throws Exception {
        List<String> lost = new CopyOnWriteArrayList<>();
        Handoff<String> h = Handoff.<String>named("t").coalesce(s -> s.charAt(0), 1).onDrop(lost::add).start(this::slow);
        h.offer("x0");
        assertThat(inConsumer.await(5, TimeUnit.SECONDS)).isTrue();
        h.offer("a1");
        h.offer("a2");
        h.offer("b1");
        assertThat(lost).containsExactly("a1");
        h.closeNow();
        assertThat(lost).containsExactly("a1", "a2", "b1");
        release.countDown();
        assertThat(h.awaitEnd(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aConsumerThatThrowsIsCountedAndGoesOnReceiving() throws Exception {
        try (Handoff<String> h = Handoff.<String>named("t").start(s -> {
            if (s.startsWith("bad")) {
                throw new IllegalStateException(s);
            }
            got.add(s);
        })) {
            h.offer("bad1");
            h.offer("ok1");
            h.offer("bad2");
            h.offer("ok2");
            await().until(() -> got.size() == 2);
            await().until(() -> h.counts().delivered() == 4);
            assertThat(h.counts().failed()).isEqualTo(2);
            assertThat(got).containsExactly("ok1", "ok2");
        }
    }

    @Test
    void closeDeliversWhatWaitsAndTakesNoMore() throws Exception {
        Handoff<String> h = Handoff.<String>named("t").threads(Thread.ofVirtual().factory()).start(this::slow);
        h.offer("a");
        h.offer("b");
        h.close(() -> got.add("last"));
        assertThat(h.offer("c")).isFalse();
        release.countDown();
        assertThat(h.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(got).containsExactly("a", "b", "last");
    }

    @Test
    void closeNowDropsWhatWaits() throws Exception {
        Handoff<String> h = Handoff.<String>named("t").start(this::slow);
        h.offer("a");
        assertThat(inConsumer.await(5, TimeUnit.SECONDS)).isTrue();
        h.offer("b");
        h.closeNow();
        release.countDown();
        assertThat(h.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(got).containsExactly("a");
    }

}
