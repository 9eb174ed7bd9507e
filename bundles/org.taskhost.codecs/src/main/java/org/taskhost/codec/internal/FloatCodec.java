package org.taskhost.codec.internal;

import java.nio.ByteOrder;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** IEEE 754 float32 or float64 in either byte order; decodes to a Double. */
public final class FloatCodec implements PayloadCodec {
    private final int bits;
    private final ByteOrder order;

    public FloatCodec(int bits, ByteOrder order) {
        this.bits = bits;
        this.order = order;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        Frames.need(payload, 0, bits / 8, "float" + bits);
        long raw = Frames.readUnsigned(payload, 0, bits / 8, order);
        return bits == 32 ? (double) Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
    }

    @Override
    public byte[] encode(Object value) {
        double d = value instanceof Number n ? n.doubleValue() : Frames.number(value, "float" + bits).doubleValue();
        byte[] out = new byte[bits / 8];
        long raw = bits == 32 ? Float.floatToIntBits((float) d) & 0xFFFFFFFFL : Double.doubleToLongBits(d);
        Frames.write(out, 0, out.length, order, raw);
        return out;
    }

    @Override
    public String describe() {
        return "float" + bits + " " + Frames.orderName(order);
    }
}
