package org.taskhost.driver.ble.internal;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.PointValue;
import org.taskhost.codec.BadFrameException;
import org.taskhost.codec.CodecConfigException;
import org.taskhost.codec.Codecs;
import org.taskhost.codec.PayloadCodec;

/**
 * A point's payload codec, from its options ({@code codec}, {@code order}, {@code scale}, ..., nested fields of TLV
 * and length-prefixed frames as {@code value.codec}); BLE is little-endian, so {@code order} defaults to little.
 * Without {@code codec} the point's type chooses: float32, int32, uint8 (bool), utf8 or the raw bytes.
 */
final class PointCodec {
    /** Point options that are not the codec's. */
    static final Set<String> BLE_OPTIONS = Set.of("write");

    private final PointType type;
    private final PayloadCodec codec;

    private PointCodec(PointType type, PayloadCodec codec) {
        this.type = type;
        this.codec = codec;
    }

    /** @throws CodecConfigException naming the option ({@code scale}, {@code value.codec}, ...) */
    static PointCodec of(Point point) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : point.options().entrySet()) {
            if (!BLE_OPTIONS.contains(e.getKey())) {
                put(config, e.getKey(), e.getValue());
            }
        }
        if (config.isEmpty() && point.type() == PointType.BYTES) {
            return new PointCodec(PointType.BYTES, null);
        }
        config.putIfAbsent("codec", switch (point.type()) {
            case FLOAT -> "float32";
            case INT -> "int32";
            case BOOL -> "uint8";
            case STRING, BYTES -> "utf8";
        });
        defaultLittle(config);
        return new PointCodec(point.type(), Codecs.fromConfig(config));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> config, String key, String value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            if (config.get(key) instanceof Map) {
                throw new CodecConfigException(key, "is given both as a value and as a map ('" + key + ".*')");
            }
            config.put(key, value);
            return;
        }
        Object nested = config.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<String, Object>());
        if (nested instanceof Map) {
            put((Map<String, Object>) nested, key.substring(dot + 1), value);
        } else {
            throw new CodecConfigException(key, "'" + key.substring(0, dot) + "' is already a value, not a map");
        }
    }

    @SuppressWarnings("unchecked")
    private static void defaultLittle(Map<String, Object> config) {
        Object codec = config.get("codec");
        boolean ordered = codec != null && !"hex".equals(codec) && !"utf8".equals(codec);
        if (ordered || config.containsKey("crc") || config.containsKey("tag") || config.containsKey("index")) {
            config.putIfAbsent("order", "little");
        }
        for (Object v : new HashMap<>(config).values()) {
            if (v instanceof Map<?, ?> m) {
                defaultLittle((Map<String, Object>) m);
            }
        }
    }

    /** @return a GOOD value of the point's type, or BAD with the reason (a bad frame, a value of the wrong kind) */
    PointValue decode(byte[] payload) {
        if (codec == null) {
            return PointValue.good(payload);
        }
        Object value;
        try {
            value = codec.decode(payload);
        } catch (BadFrameException e) {
            return PointValue.bad("bad frame: " + e.getMessage());
        }
        return switch (type) {
            case FLOAT -> value instanceof Number n ? PointValue.good(n.doubleValue()) : notA(value);
            case INT -> value instanceof Long || value instanceof BigInteger b && b.bitLength() < 64
                    ? PointValue.good(((Number) value).longValue())
                    : value instanceof Double d && d == Math.rint(d) ? PointValue.good(d.longValue()) : notA(value);
            case BOOL -> value instanceof Number n ? PointValue.good(n.doubleValue() != 0) : notA(value);
            case STRING -> PointValue.good(String.valueOf(value));
            case BYTES -> PointValue.good(payload);
        };
    }

    private PointValue notA(Object value) {
        return PointValue.bad("the codec gave " + value + ", not a " + type.label());
    }

    /** @throws IllegalArgumentException if the value does not fit the codec, saying why */
    byte[] encode(Object value) {
        if (codec == null) {
            if (value instanceof byte[] b) {
                return b;
            }
            throw new IllegalArgumentException("a bytes point needs a byte[] value or a codec");
        }
        return codec.encode(value instanceof Boolean b ? (b ? 1 : 0) : value);
    }

    String describe() {
        return codec == null ? "bytes" : codec.describe();
    }
}
