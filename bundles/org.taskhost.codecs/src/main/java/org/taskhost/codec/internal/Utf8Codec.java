package org.taskhost.codec.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.PayloadCodec;

/** UTF-8 text, refusing malformed bytes; {@code length} bytes (trailing NULs dropped), or all when 0. */
public final class Utf8Codec implements PayloadCodec {
    private final int length;

    public Utf8Codec(int length) {
        this.length = length;
    }

    @Override
    public Object decode(byte[] payload) throws BadFrameException {
        int size = payload.length;
        if (length > 0) {
            Frames.need(payload, 0, length, "utf8");
            size = length;
        }
        while (size > 0 && payload[size - 1] == 0) {
            size--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload, 0, size))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadFrameException("not UTF-8: " + Frames.hex(java.util.Arrays.copyOf(payload, size)));
        }
    }

    @Override
    public byte[] encode(Object value) {
        byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        if (length > 0 && bytes.length > length) {
            throw new IllegalArgumentException("utf8 holds " + length + " bytes, the text has " + bytes.length);
        }
        return length > 0 ? java.util.Arrays.copyOf(bytes, length) : bytes;
    }

    @Override
    public String describe() {
        return length == 0 ? "utf8" : "utf8 length=" + length;
    }
}
