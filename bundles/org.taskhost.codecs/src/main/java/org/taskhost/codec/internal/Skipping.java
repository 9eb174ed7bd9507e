package org.taskhost.codec.internal;

import java.util.Arrays;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** Skips {@code start} leading bytes (a header) before the inner codec; encoding writes them as zeros. */
public final class Skipping implements PayloadCodec {
    private final int start;
    private final PayloadCodec inner;

    public Skipping(int start, PayloadCodec inner) {
        this.start = start;
        this.inner = inner;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        if (payload.length < start) {
            throw new BadFrameException("short frame: start=" + start + " but the frame has " + payload.length
                    + " bytes");
        }
        return inner.decode(Arrays.copyOfRange(payload, start, payload.length));
    }

    @Override
    public byte[] encode(Object value) {
        byte[] body = inner.encode(value);
        byte[] out = new byte[start + body.length];
        System.arraycopy(body, 0, out, start, body.length);
        return out;
    }

    @Override
    public String describe() {
        return inner.describe() + " start=" + start;
    }
}
