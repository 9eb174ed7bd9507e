/**
 * Payload codecs: they turn the bytes a device or a message carries into a typed point value and back.
 * <p>
 * A codec is chosen per point from a configuration map, for example
 * {@code {codec: int16, order: little, scale: 0.01, offset: 0}}, through {@link org.taskhost.codec.Codecs#fromConfig}.
 * A configuration it cannot use is refused with a {@link org.taskhost.codec.CodecConfigException} naming the field.
 * A payload it cannot decode (too short, a wrong CRC, a missing tag) is a {@link org.taskhost.codec.BadFrameException}
 * with the reason: a codec never returns a wrong value.
 * <p>
 * Codecs: {@code hex}, {@code uint8}..{@code uint64}, {@code int8}..{@code int64} (8, 16, 24, 32, 48 or 64 bits, either
 * byte order), {@code float32}, {@code float64}, {@code utf8}, {@code tlv} and {@code length_prefixed} frames (a field
 * picked by tag or index and decoded by a nested codec); every codec takes {@code start} (bytes to skip) and
 * {@code crc} (a {@link org.taskhost.codec.Crc} variant checked over the frame before it is decoded).
 * Codecs are immutable and safe to share between threads.
 */
@Export
@Version("1.1.0")
package org.taskhost.codec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
