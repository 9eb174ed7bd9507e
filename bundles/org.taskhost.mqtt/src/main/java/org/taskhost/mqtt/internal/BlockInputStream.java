package org.taskhost.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads its source in blocks and serves small reads from memory. Unlike {@link java.io.BufferedInputStream},
 * {@link #available()} asks the source only when nothing is buffered, because Paho calls it before every packet.
 * A read that times out (the socket's {@code SO_TIMEOUT}, which Paho's receiver relies on) leaves the buffer as it was.
 * Work around Paho; measured against a client that needs none on 2026-12-04: see {@link BrokerSockets}.
 */
final class BlockInputStream extends InputStream {

    private static final int BLOCK = 16 * 1024;

    private final InputStream source;
    private final byte[] buffer = new byte[BLOCK];
    private int position;
    private int count;

    BlockInputStream(InputStream source) {
        this.source = source;
    }

    /** @return false at the end of the stream */
    private boolean fill() throws IOException {
        if (position < count) {
            return true;
        }
        int n = source.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        count = n;
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? buffer[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, count - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        int buffered = count - position;
        return buffered > 0 ? buffered : source.available();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
