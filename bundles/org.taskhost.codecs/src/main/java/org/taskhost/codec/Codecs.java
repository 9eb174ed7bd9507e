package org.taskhost.codec;

import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;
import org.taskhost.codec.internal.ConfigReader;
import org.taskhost.codec.internal.CrcChecked;
import org.taskhost.codec.internal.FloatCodec;
import org.taskhost.codec.internal.HexCodec;
import org.taskhost.codec.internal.IntegerCodec;
import org.taskhost.codec.internal.LengthPrefixedCodec;
import org.taskhost.codec.internal.Scaled;
import org.taskhost.codec.internal.Skipping;
import org.taskhost.codec.internal.TlvCodec;
import org.taskhost.codec.internal.Utf8Codec;

/** Makes the codec a configuration map asks for; see the package documentation for the fields. */
public final class Codecs {

    /** Every field a codec configuration may hold; any other field is refused. */
    public static final Set<String> FIELDS = Set.of("codec", "order", "scale", "offset", "start", "length", "crc",
            "crc_order", "tag", "tag_size", "length_size", "index", "value");

    private Codecs() {
    }

    /**
     * @param config e.g. {@code {codec: int16, order: little, scale: 0.01, offset: 0}} (values may be numbers or
     *               strings, as YAML or JSON give them)
     * @throws CodecConfigException naming the field that is missing, unknown or wrong
     */
    public static PayloadCodec fromConfig(Map<String, ?> config) {
        return build(new ConfigReader(config, ""));
    }

    private static PayloadCodec build(ConfigReader in) {
        String name = in.requiredString("codec");
        ByteOrder order = in.order("order", ByteOrder.BIG_ENDIAN);
        PayloadCodec codec = switch (name) {
            case "hex" -> new HexCodec(in.optionalInt("length", 1, 65536, 0));
            case "utf8" -> new Utf8Codec(in.optionalInt("length", 1, 65536, 0));
            case "float32" -> new FloatCodec(32, order);
            case "float64" -> new FloatCodec(64, order);
            case "tlv" -> new TlvCodec(in.optionalInt("tag_size", 1, 2, 1), in.optionalInt("length_size", 1, 2, 1),
                    order, in.requiredInt("tag", 0, 65535), build(in.nested("value")));
            case "length_prefixed" -> new LengthPrefixedCodec(lengthSize(in), order,
                    in.requiredInt("index", 0, 65535), build(in.nested("value")));
            default -> integer(name, order, in);
        };
        if (codec instanceof IntegerCodec || codec instanceof FloatCodec) {
            double scale = in.optionalDouble("scale", 1.0);
            double offset = in.optionalDouble("offset", 0.0);
            if (scale == 0.0) {
                throw new CodecConfigException(in.field("scale"), "must not be 0");
            }
            if (in.has("scale") || in.has("offset")) {
                codec = new Scaled(codec, scale, offset);
            }
        }
        int start = in.optionalInt("start", 0, 65535, 0);
        if (start > 0) {
            codec = new Skipping(start, codec);
        }
        String crc = in.optionalString("crc");
        if (crc != null) {
            Crc variant;
            try {
                variant = Crc.named(crc);
            } catch (IllegalArgumentException e) {
                throw new CodecConfigException(in.field("crc"), e.getMessage());
            }
            codec = new CrcChecked(variant, in.order("crc_order", order), codec);
        }
        in.refuseUnknown(FIELDS);
        return codec;
    }

    private static int lengthSize(ConfigReader in) {
        int size = in.optionalInt("length_size", 1, 4, 1);
        if (size == 3) {
            throw new CodecConfigException(in.field("length_size"), "must be 1, 2 or 4, not 3");
        }
        return size;
    }

    private static PayloadCodec integer(String name, ByteOrder order, ConfigReader in) {
        boolean signed = name.startsWith("int");
        String digits = name.substring(signed ? 3 : 4);
        if (!(signed || name.startsWith("uint")) || !digits.matches("\\d{1,2}")
                || Integer.parseInt(digits) % 8 != 0 || Integer.parseInt(digits) < 8 || Integer.parseInt(digits) > 64) {
            throw new CodecConfigException(in.field("codec"), "unknown codec '" + name
                    + "', known: hex, utf8, int8..int64, uint8..uint64 (multiples of 8 bits), float32, float64, tlv,"
                    + " length_prefixed");
        }
        return new IntegerCodec(Integer.parseInt(digits), signed, order);
    }
}
