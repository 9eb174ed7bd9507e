package org.taskhost.codec.internal;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** A frame of length-prefixed fields; decodes the field at {@code index} (0 is the first) through a nested codec. */
public final class LengthPrefixedCodec implements PayloadCodec {
    private final int lengthSize;
    private final ByteOrder order;
    private final int index;
    private final PayloadCodec value;

    public LengthPrefixedCodec(int lengthSize, ByteOrder order, int index, PayloadCodec value) {
        this.lengthSize = lengthSize;
        this.order = order;
        this.index = index;
        this.value = value;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        int at = 0;
        for (int field = 0; at < payload.length; field++) {
            Frames.need(payload, at, lengthSize, "the length of field " + field);
            long length = Frames.readUnsigned(payload, at, lengthSize, order);
            int body = at + lengthSize;
            if (length > payload.length - body) {
                throw new BadFrameException("short frame: field " + field + " says " + length + " bytes at byte "
                        + body + ", the frame has " + payload.length);
            }
            if (field == index) {
                return value.decode(Arrays.copyOfRange(payload, body, body + (int) length));
            }
            at = body + (int) length;
        }
        throw new BadFrameException("no field " + index + " in the frame (it ends after " + fieldsBefore(payload)
                + " fields)");
    }

    private int fieldsBefore(byte[] payload) {
        int count = 0;
        for (int at = 0; at + lengthSize <= payload.length; count++) {
            at += lengthSize + (int) Frames.readUnsigned(payload, at, lengthSize, order);
        }
        return count;
    }

    /** Encodes a frame whose field {@code index} holds the value and whose earlier fields are empty. */
    @Override
    public byte[] encode(Object fieldValue) {
        byte[] body = value.encode(fieldValue);
        if (lengthSize < 4 && body.length >= 1L << (8 * lengthSize)) {
            throw new IllegalArgumentException("a field of " + body.length + " bytes does not fit length_size "
                    + lengthSize);
        }
        byte[] out = new byte[lengthSize * (index + 1) + body.length];
        Frames.write(out, lengthSize * index, lengthSize, order, body.length);
        System.arraycopy(body, 0, out, lengthSize * (index + 1), body.length);
        return out;
    }

    @Override
    public String describe() {
        return "length_prefixed index=" + index + " (" + value.describe() + ")";
    }
}
