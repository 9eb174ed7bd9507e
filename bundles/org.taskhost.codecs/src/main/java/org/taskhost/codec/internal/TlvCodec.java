package org.taskhost.codec.internal;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.StringJoiner;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** A frame of tag-length-value fields; decodes the value of the field with {@code tag} through a nested codec. */
public final class TlvCodec implements PayloadCodec {
    private final int tagSize;
    private final int lengthSize;
    private final ByteOrder order;
    private final int tag;
    private final PayloadCodec value;

    public TlvCodec(int tagSize, int lengthSize, ByteOrder order, int tag, PayloadCodec value) {
        this.tagSize = tagSize;
        this.lengthSize = lengthSize;
        this.order = order;
        this.tag = tag;
        this.value = value;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        StringJoiner seen = new StringJoiner(", ");
        int at = 0;
        while (at < payload.length) {
            Frames.need(payload, at, tagSize + lengthSize, "a TLV header");
            int fieldTag = (int) Frames.readUnsigned(payload, at, tagSize, order);
            int length = (int) Frames.readUnsigned(payload, at + tagSize, lengthSize, order);
            int body = at + tagSize + lengthSize;
            Frames.need(payload, body, length, "TLV field with tag " + fieldTag);
            if (fieldTag == tag) {
                return value.decode(Arrays.copyOfRange(payload, body, body + length));
            }
            seen.add(Integer.toString(fieldTag));
            at = body + length;
        }
        throw new BadFrameException("unknown tag: no field with tag " + tag + " in the frame (tags: " + seen + ")");
    }

    @Override
    public byte[] encode(Object fieldValue) {
        byte[] body = value.encode(fieldValue);
        if (body.length >= 1L << (8 * lengthSize)) {
            throw new IllegalArgumentException("a TLV value of " + body.length + " bytes does not fit length_size "
                    + lengthSize);
        }
        byte[] out = new byte[tagSize + lengthSize + body.length];
        Frames.write(out, 0, tagSize, order, tag);
        Frames.write(out, tagSize, lengthSize, order, body.length);
        System.arraycopy(body, 0, out, tagSize + lengthSize, body.length);
        return out;
    }

    @Override
    public String describe() {
        return "tlv tag=" + tag + " (" + value.describe() + ")";
    }
}
