package org.taskhost.codec;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns a payload into a typed value and a value back into a payload. Made by {@link Codecs#fromConfig}; immutable and
 * safe to share between threads.
 */
@ProviderType
public interface PayloadCodec {

    /**
     * @return the value: a {@link Long} for integers (a {@link java.math.BigInteger} for {@code uint64}), a
     *         {@link Double} for floats and scaled values, a {@link String} for {@code hex} and {@code utf8}
     * @throws BadFrameException when the payload is too short, its CRC is wrong or the field it names is missing
     */
    Object decode(byte[] payload) throws BadFrameException;

    /**
     * @param value a {@link Number} (or a String holding one) for numeric codecs, a String for {@code hex} and
     *              {@code utf8}
     * @return the payload that {@link #decode} turns back into {@code value}
     * @throws IllegalArgumentException when the value has the wrong type or does not fit, saying which
     */
    byte[] encode(Object value);

    /** @return what this codec does, in the configuration's words, e.g. {@code int16 little scale=0.01} */
    String describe();
}
