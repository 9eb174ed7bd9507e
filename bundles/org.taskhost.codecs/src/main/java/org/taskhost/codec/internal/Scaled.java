package org.taskhost.codec.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** Fixed point: value = raw * scale + offset; encoding rounds (value - offset) / scale to the nearest raw integer. */
public final class Scaled implements PayloadCodec {
    private final PayloadCodec raw;
    private final double scale;
    private final double offset;

    public Scaled(PayloadCodec raw, double scale, double offset) {
        this.raw = raw;
        this.scale = scale;
        this.offset = offset;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        Number value = (Number) raw.decode(payload);
        if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            throw new BadFrameException("the " + raw.describe() + " value is " + value + ", which cannot be scaled");
        }
        // BigDecimal so that 2150 * 0.01 is 21.5, not 21.500000000000004
        return new BigDecimal(value.toString()).multiply(BigDecimal.valueOf(scale)).add(BigDecimal.valueOf(offset))
                .doubleValue();
    }

    @Override
    public byte[] encode(Object value) {
        BigDecimal number = Frames.number(value, raw.describe());
        BigDecimal unscaled = number.subtract(BigDecimal.valueOf(offset))
                .divide(BigDecimal.valueOf(scale), MathContext.DECIMAL64);
        Object rawValue = raw instanceof FloatCodec ? (Object) unscaled.doubleValue()
                : unscaled.setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        return raw.encode(rawValue);
    }

    @Override
    public String describe() {
        return raw.describe() + " scale=" + scale + " offset=" + offset;
    }
}
