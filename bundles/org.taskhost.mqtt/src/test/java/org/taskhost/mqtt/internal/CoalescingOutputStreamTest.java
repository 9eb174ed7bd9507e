package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CoalescingOutputStreamTest {

    /** Records each write; the first one waits for a latch, as a write to a busy socket would. */
    private static final class Target extends OutputStream {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile IOException fail;

        @Override
        public void write(int b) {
            throw new AssertionError("single-byte write");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (fail != null) {
                throw fail;
            }
            synchronized (this) {
                writes.add(len);
                all.write(b, off, len);
            }
            firstEntered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        }

        synchronized byte[] bytes() {
            return all.toByteArray();
        }

        synchronized List<Integer> writes() {
            return List.copyOf(writes);
        }
    }

    @Test
    void whileFlushesAreDensePacketsFlushedDuringAWriteGoOutTogetherInOrder() throws Exception {
        Target target = new Target();
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> { }, "test-writer");
        Thread first = Thread.ofPlatform().start(() -> {
            try {
                out.write(new byte[] {1, 1}, 0, 2);
                out.flush();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(target.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        for (byte p = 2; p <= 4; p++) {
            out.write(new byte[] {p, p, p}, 0, 3);
            out.flush();
        }
        target.release.countDown();
        first.join();
        out.finish();

        assertThat(target.bytes()).containsExactly(1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4);
        assertThat(target.writes()).containsExactly(2, 9);
    }

    @Test
    void aSparseFlushWritesOnTheCallersThread() throws Exception {
        List<String> writers = new CopyOnWriteArrayList<>();
        OutputStream target = writtenBy(writers);
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> { }, "test-writer");

        out.write(new byte[] {1}, 0, 1);
        out.flush();

        assertThat(writers).containsExactly(Thread.currentThread().getName());
        out.finish();
    }

    @Test
    void denseFlushesAreWrittenByTheStreamsThread() throws Exception {
        List<String> writers = new CopyOnWriteArrayList<>();
        OutputStream target = writtenBy(writers);
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> { }, "test-writer");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!writers.contains("test-writer") && System.nanoTime() < end) {
            out.write(new byte[] {1}, 0, 1);
            out.flush();
        }
        out.finish();

        assertThat(writers).contains("test-writer");
    }

    @Test
    void nothingIsWrittenBeforeAFlush() throws Exception {
        Target target = new Target();
        target.release.countDown();
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> { }, "test-writer");

        out.write(new byte[] {5}, 0, 1);
        assertThat(target.firstEntered.await(200, TimeUnit.MILLISECONDS)).isFalse();
        out.flush();
        assertThat(target.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(target.bytes()).containsExactly(5);
    }

    @Test
    void aFailedWriteIsReportedToTheNextCallerAndRunsTheFailureAction() throws Exception {
        Target target = new Target();
        target.fail = new IOException("Broken pipe");
        target.release.countDown();
        AtomicInteger aborted = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> {
            aborted.incrementAndGet();
            failed.countDown();
        }, "test-writer");

        out.write(new byte[] {1}, 0, 1);
        try {
            out.flush();
        } catch (IOException e) {
            assertThat(e).hasMessage("Broken pipe");
        }
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> out.write(new byte[] {2}, 0, 1)).isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThat(aborted).hasValue(1);
    }

    @Test
    void finishWritesWhatIsPendingThenRefusesMore() throws Exception {
        Target target = new Target();
        target.release.countDown();
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> { }, "test-writer");

        out.write(new byte[] {7, 8}, 0, 2);
        out.finish();

        assertThat(target.bytes()).containsExactly(7, 8);
        assertThatThrownBy(() -> out.write(new byte[] {9}, 0, 1)).isInstanceOf(IOException.class)
                .hasMessageContaining("closing");
    }

    @Test
    void aWriterWaitsWhileTheLimitIsPendingAndGoesOnOnceItIsWritten() throws Exception {
        Target target = new Target();
        CoalescingOutputStream out = new CoalescingOutputStream(target, () -> { }, "test-writer");
        Thread first = Thread.ofPlatform().start(() -> {
            try {
                out.write(new byte[] {0}, 0, 1);
                out.flush();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(target.firstEntered.await(10, TimeUnit.SECONDS)).isTrue();
        out.write(new byte[CoalescingOutputStream.LIMIT - 10], 0, CoalescingOutputStream.LIMIT - 10);

        CountDownLatch written = new CountDownLatch(1);
        Thread late = Thread.ofPlatform().start(() -> {
            try {
                out.write(new byte[100], 0, 100);
                written.countDown();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertThat(written.await(300, TimeUnit.MILLISECONDS)).isFalse();
        target.release.countDown();
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        late.join();
        first.join();
        out.flush();
        out.finish();
        assertThat(target.bytes()).hasSize(1 + CoalescingOutputStream.LIMIT - 10 + 100);
    }

    /** A target that records the name of the thread of each write. */
    private static OutputStream writtenBy(List<String> writers) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("single-byte write");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writers.add(Thread.currentThread().getName());
            }
        };
    }
}
