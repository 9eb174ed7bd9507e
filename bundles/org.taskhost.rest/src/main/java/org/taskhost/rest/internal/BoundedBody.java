package org.taskhost.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that fails with {@link TooLarge} once more than its limit is read. It is an IOException, which
 * Jackson and Jersey's readers pass on unwrapped, and {@link BodyLimitFilter} maps it to 413. (An unchecked exception
 * would not do: Jackson wraps it as malformed JSON.)
 */
final class BoundedBody extends FilterInputStream {

    /** The failure; an IOException, because that is what a reader expects of a stream. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private final long limit;
    private final String message;
    private long read;

    BoundedBody(InputStream in, long limit, String message) {
        super(in);
        this.limit = limit;
        this.message = message;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws TooLarge {
        read += n;
        if (read > limit) {
            Refusals.drain(in);
            throw new TooLarge(message);
        }
    }
}
