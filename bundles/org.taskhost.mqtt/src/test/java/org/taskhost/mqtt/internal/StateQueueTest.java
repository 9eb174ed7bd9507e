package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StateQueueTest {

    @Test
    void whileTheWindowIsFullOnlyTheNewestStateOfEachTopicIsKeptAndItIsSentWhenThereIsRoom() throws Exception {
        GatedSink sink = new GatedSink();
        AtomicInteger built = new AtomicInteger();
        try (StateQueue queue = new StateQueue(sink)) {
            for (int i = 0; i < 100; i++) {
                String payload = "a" + i;
                queue.offer("t/a", () -> {
                    built.incrementAndGet();
                    return payload.getBytes(StandardCharsets.UTF_8);
                }, f -> { });
                queue.offer("t/b", () -> ("b" + payload).getBytes(StandardCharsets.UTF_8), f -> { });
            }
            assertThat(queue.waiting()).isEqualTo(2);
            assertThat(queue.superseded()).isEqualTo(198);

            sink.open.countDown();
            sink.awaitSent(2);
            assertThat(sink.sent).containsExactly("t/a=a99", "t/b=ba99");
            assertThat(built).as("superseded payloads are never made").hasValue(1);
        }
    }

    @Test
    void closingHandsWhatWaitsToTheConnectionAndReportsItsOutcome() throws Exception {
        GatedSink sink = new GatedSink();
        CompletableFuture<CompletableFuture<Void>> outcome = new CompletableFuture<>();
        StateQueue queue = new StateQueue(sink);
        queue.offer("t/gone", () -> new byte[0], outcome::complete);
        queue.close();
        queue.offer("t/after", () -> new byte[] {'x'}, f -> { });

        assertThat(sink.sent).as("what waited, then what came after the close").containsExactly("t/gone=", "t/after=x");
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isDone();
    }

    @Test
    void aPayloadThatFailsIsCountedAndTheSenderGoesOn() throws Exception {
        GatedSink sink = new GatedSink();
        sink.open.countDown();
        try (StateQueue queue = new StateQueue(sink)) {
            queue.offer("t/bad", () -> {
                throw new IllegalStateException("no payload");
            }, f -> { });
            queue.offer("t/good", () -> new byte[] {'g'}, f -> { });
            sink.awaitSent(1);
            assertThat(sink.sent).containsExactly("t/good=g");
            assertThat(queue.failed()).isEqualTo(1);
        }
    }

    /** A connection whose window stays full until {@code open} is counted down. */
    private static final class GatedSink implements StateSink {
        final CountDownLatch open = new CountDownLatch(1);
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public boolean awaitRoom(long maxMillis) throws InterruptedException {
            return open.await(maxMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            sent.add(topic + "=" + new String(payload, StandardCharsets.UTF_8));
            synchronized (this) {
                notifyAll();
            }
            return CompletableFuture.completedFuture(null);
        }

        synchronized void awaitSent(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sent.size() < n && System.nanoTime() < end) {
                wait(100);
            }
        }

        @Override
        public boolean publishNow(String topic, byte[] payload, int qos, boolean retained) {
            return publish(topic, payload, qos, retained) != null;
        }

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public List<String> bufferedTopics() {
            return List.of();
        }
    }
}
