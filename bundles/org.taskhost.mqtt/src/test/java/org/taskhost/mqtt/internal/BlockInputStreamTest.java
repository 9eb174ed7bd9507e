package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

class BlockInputStreamTest {

    /** Hands out prepared chunks, or a timeout, one per read, and counts the reads. */
    private static final class Chunks extends InputStream {
        final Deque<Object> chunks = new ArrayDeque<>();
        int reads;
        int availableCalls;

        @Override
        public int read() {
            throw new AssertionError("single-byte read of the source");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            Object next = chunks.poll();
            if (next == null) {
                return -1;
            }
            if (next instanceof IOException e) {
                throw e;
            }
            byte[] c = (byte[]) next;
            System.arraycopy(c, 0, b, off, c.length);
            return c.length;
        }

        @Override
        public int available() {
            availableCalls++;
            return 0;
        }
    }

    @Test
    void smallReadsComeFromOneReadOfTheSource() throws IOException {
        Chunks source = new Chunks();
        source.chunks.add(new byte[] {0x40, 2, 0, 1, 0x40, 2, 0, 2});
        BlockInputStream in = new BlockInputStream(source);

        byte[] rest = new byte[2];
        for (int ack = 1; ack <= 2; ack++) {
            assertThat(in.read()).isEqualTo(0x40);
            assertThat(in.read()).isEqualTo(2);
            assertThat(in.read(rest, 0, 2)).isEqualTo(2);
            assertThat(rest).containsExactly(0, ack);
        }

        assertThat(source.reads).isEqualTo(1);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void availableCountsTheBlockWithoutAskingTheSource() throws IOException {
        Chunks source = new Chunks();
        source.chunks.add(new byte[] {1, 2, 3});
        BlockInputStream in = new BlockInputStream(source);

        assertThat(in.available()).isZero();
        assertThat(source.availableCalls).isEqualTo(1);
        in.read();
        assertThat(in.available()).isEqualTo(2);
        assertThat(source.availableCalls).isEqualTo(1);
    }

    @Test
    void aTimeoutLosesNothingAndTheNextReadGoesOn() throws IOException {
        Chunks source = new Chunks();
        source.chunks.add(new byte[] {7});
        source.chunks.add(new SocketTimeoutException("Read timed out"));
        source.chunks.add(new byte[] {8, 9});
        BlockInputStream in = new BlockInputStream(source);

        assertThat(in.read()).isEqualTo(7);
        assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        byte[] b = new byte[4];
        assertThat(in.read(b, 0, 4)).isEqualTo(2);
        assertThat(b).startsWith(8, 9);
    }

    @Test
    void aLargeReadIsServedFromTheBlockThenTheSource() throws IOException {
        byte[] all = new byte[40_000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        BlockInputStream in = new BlockInputStream(new ByteArrayInputStream(all));
        byte[] got = in.readAllBytes();
        assertThat(got).isEqualTo(all);
    }
}
