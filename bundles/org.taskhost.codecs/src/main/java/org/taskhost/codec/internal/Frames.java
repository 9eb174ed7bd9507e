package org.taskhost.codec.internal;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import org.taskhost.codec.BadFrameException;

/** Byte-level helpers shared by the codecs. */
final class Frames {
    private Frames() {
    }

    static void need(byte[] payload, int at, int count, String what) throws BadFrameException {
        if (payload.length < at + count) {
            throw new BadFrameException("short frame: " + what + " needs " + count + " bytes at byte " + at + ", the "
                    + "frame has " + payload.length);
        }
    }

    /** @return the unsigned value of {@code size} bytes at {@code at} (size up to 8; as a raw 64-bit pattern) */
    static long readUnsigned(byte[] payload, int at, int size, ByteOrder order) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int index = order == ByteOrder.BIG_ENDIAN ? at + i : at + size - 1 - i;
            value = (value << 8) | (payload[index] & 0xFF);
        }
        return value;
    }

    static void write(byte[] target, int at, int size, ByteOrder order, long value) {
        for (int i = 0; i < size; i++) {
            byte b = (byte) (value >>> (8 * i));
            target[order == ByteOrder.BIG_ENDIAN ? at + size - 1 - i : at + i] = b;
        }
    }

    static BigDecimal number(Object value, String codec) {
        try {
            if (value instanceof Number n) {
                return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue())
                        : new BigDecimal(n.toString());
            }
            if (value instanceof String s) {
                return new BigDecimal(s.trim());
            }
        } catch (NumberFormatException e) {
            // refused below with the value
        }
        throw new IllegalArgumentException(codec + " needs a number, not " + (value == null ? "null" : "'" + value + "'"));
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    static String orderName(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? "big" : "little";
    }
}
