package org.taskhost.codec.internal;

import java.util.HexFormat;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** Raw bytes as lowercase hex ("0a1bff"); {@code length} bytes, or all when 0. */
public final class HexCodec implements PayloadCodec {
    private final int length;

    public HexCodec(int length) {
        this.length = length;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        if (length == 0) {
            return Frames.hex(payload);
        }
        Frames.need(payload, 0, length, "hex");
        return HexFormat.of().formatHex(payload, 0, length);
    }

    @Override
    public byte[] encode(Object value) {
        String text = value == null ? "" : value.toString().replace(" ", "").replace(":", "");
        if (text.startsWith("0x")) {
            text = text.substring(2);
        }
        try {
            byte[] bytes = HexFormat.of().parseHex(text);
            if (length > 0 && bytes.length != length) {
                throw new IllegalArgumentException("hex needs " + length + " bytes, not " + bytes.length);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hex needs pairs of hex digits, not '" + value + "'");
        }
    }

    @Override
    public String describe() {
        return length == 0 ? "hex" : "hex length=" + length;
    }
}
