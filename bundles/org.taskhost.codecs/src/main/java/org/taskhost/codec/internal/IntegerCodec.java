package org.taskhost.codec.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** Signed or unsigned integers of 8 to 64 bits (whole bytes) in either byte order. */
public final class IntegerCodec implements PayloadCodec {
    private final int bits;
    private final boolean signed;
    private final ByteOrder order;
    private final BigInteger min;
    private final BigInteger max;

    public IntegerCodec(int bits, boolean signed, ByteOrder order) {
        this.bits = bits;
        this.signed = signed;
        this.order = order;
        this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        this.max = signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        Frames.need(payload, 0, bits / 8, name());
        long raw = Frames.readUnsigned(payload, 0, bits / 8, order);
        if (signed) {
            return bits == 64 ? raw : (raw << (64 - bits)) >> (64 - bits);
        }
        return bits == 64 ? new BigInteger(Long.toUnsignedString(raw)) : (Object) raw;
    }

    @Override
    public byte[] encode(Object value) {
        BigDecimal number = Frames.number(value, name());
        BigInteger integer;
        try {
            integer = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(name() + " needs an integer, not " + number.toPlainString());
        }
        if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
            throw new IllegalArgumentException(integer + " does not fit " + name() + " (" + min + ".." + max + ")");
        }
        byte[] out = new byte[bits / 8];
        Frames.write(out, 0, out.length, order, integer.longValue());
        return out;
    }

    private String name() {
        return (signed ? "int" : "uint") + bits;
    }

    @Override
    public String describe() {
        return name() + " " + Frames.orderName(order);
    }
}
