package org.taskhost.api.handoff;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class FanoutTest {

    /** A client that records what it is sent; a stuck one waits until released. */
    static final class Recorder implements Fanout.Client<Integer> {
        final List<Integer> got = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final AtomicBoolean closed = new AtomicBoolean();
        final boolean failing;

        Recorder(CountDownLatch release, boolean failing) {
            this.release = release;
            this.failing = failing;
        }

        @Override
        public void send(Integer event, Duration limit) throws Exception {
            if (failing) {
                throw new java.io.IOException("the client went away");
            }
            if (release != null && !release.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new java.util.concurrent.TimeoutException("stuck");
            }
            got.add(event);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void aStuckClientLosesOnlyItsOwnOldestEventsAndTheOthersGetAll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Recorder stuck = new Recorder(release, false);
        Recorder quick = new Recorder(null, false);
        try (Fanout<Integer> fanout = new Fanout<>("t", Duration.ofSeconds(10))) {
            fanout.add(stuck);
            fanout.add(quick);
            // in bursts that the quick client keeps up with, while the stuck one takes nothing
            for (int burst = 0; burst < 10; burst++) {
                for (int i = burst * 500; i < (burst + 1) * 500; i++) {
                    fanout.broadcast(i);
                }
                int upTo = (burst + 1) * 500;
                await().until(() -> quick.got.size() == upTo);
            }
            assertThat(quick.got).startsWith(0, 1, 2).endsWith(4999);
            assertThat(fanout.counts().dropped()).as("of the stuck client: all but the one in its send and 1,000 waiting")
                    .isEqualTo(5000 - Fanout.CAPACITY - 1);
            release.countDown();
            await().until(() -> stuck.got.size() == Fanout.CAPACITY + 1);
            assertThat(stuck.got).startsWith(0, 5000 - Fanout.CAPACITY).endsWith(4999);
        }
    }

    @Test
    void aClientWhoseSendFailsOrTakesTooLongIsClosedAndForgotten() throws Exception {
        Recorder failing = new Recorder(null, true);
        Recorder slow = new Recorder(new CountDownLatch(1), false);
        Recorder quick = new Recorder(null, false);
        try (Fanout<Integer> fanout = new Fanout<>("t", Duration.ofMillis(200))) {
            fanout.add(failing);
            fanout.add(slow);
            fanout.add(quick);
            fanout.broadcast(1);
            await().until(() -> failing.closed.get() && slow.closed.get());
            fanout.broadcast(2, c -> true);
            await().until(() -> quick.got.size() == 2);
            assertThat(fanout.counts().offered()).as("only the quick client is left").isEqualTo(2);
            assertThat(quick.closed).isFalse();
        }
        assertThat(quick.closed).as("closed with the fan-out").isTrue();
    }

}
