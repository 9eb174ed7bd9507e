package org.taskhost.codec.internal;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.Crc;
import org.taskhost.codec.PayloadCodec;

/**
 * A frame that ends with a CRC over all the bytes before it: the CRC is checked and removed before the inner codec
 * sees the frame, and appended when encoding.
 */
public final class CrcChecked implements PayloadCodec {
    private final Crc crc;
    private final ByteOrder order;
    private final PayloadCodec inner;

    public CrcChecked(Crc crc, ByteOrder order, PayloadCodec inner) {
        this.crc = crc;
        this.order = order;
        this.inner = inner;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        int size = crc.bytes();
        if (payload.length < size) {
            throw new BadFrameException("short frame: " + payload.length + " bytes cannot hold a " + crc.name());
        }
        int body = payload.length - size;
        long expected = Frames.readUnsigned(payload, body, size, order);
        long actual = crc.compute(payload, 0, body);
        if (expected != actual) {
            throw new BadFrameException("wrong CRC: " + crc.name() + " of the frame is 0x" + Long.toHexString(actual)
                    + ", the frame says 0x" + Long.toHexString(expected));
        }
        return inner.decode(Arrays.copyOf(payload, body));
    }

    @Override
    public byte[] encode(Object value) {
        byte[] body = inner.encode(value);
        byte[] out = Arrays.copyOf(body, body.length + crc.bytes());
        Frames.write(out, body.length, crc.bytes(), order, crc.compute(body));
        return out;
    }

    @Override
    public String describe() {
        return inner.describe() + " crc=" + crc.name() + " " + Frames.orderName(order);
    }
}
