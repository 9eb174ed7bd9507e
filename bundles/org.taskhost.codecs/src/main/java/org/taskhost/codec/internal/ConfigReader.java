package org.taskhost.codec.internal;

import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.taskhost.codec.CodecConfigException;

/** Reads typed fields from a codec configuration map, naming the field (with its nesting) in every refusal. */
public final class ConfigReader {
    private final Map<String, ?> config;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    public ConfigReader(Map<String, ?> config, String prefix) {
        if (config == null) {
            throw new CodecConfigException(prefix.isEmpty() ? "codec" : prefix.substring(0, prefix.length() - 1),
                    "missing codec configuration");
        }
        this.config = config;
        this.prefix = prefix;
    }

    public String field(String key) {
        return prefix + key;
    }

    public boolean has(String key) {
        return config.get(key) != null;
    }

    public String requiredString(String key) {
        String value = optionalString(key);
        if (value == null || value.isBlank()) {
            throw new CodecConfigException(field(key), "required");
        }
        return value;
    }

    public String optionalString(String key) {
        read.add(key);
        Object value = config.get(key);
        return value == null ? null : value.toString().trim();
    }

    public ByteOrder order(String key, ByteOrder otherwise) {
        String value = optionalString(key);
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "big", "big_endian", "msb" -> ByteOrder.BIG_ENDIAN;
            case "little", "little_endian", "lsb" -> ByteOrder.LITTLE_ENDIAN;
            default -> throw new CodecConfigException(field(key), "must be big or little, not '" + value + "'");
        };
    }

    public double optionalDouble(String key, double otherwise) {
        String value = optionalString(key);
        if (value == null) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CodecConfigException(field(key), "must be a number, not '" + value + "'");
        }
    }

    public int requiredInt(String key, int min, int max) {
        if (!has(key)) {
            read.add(key);
            throw new CodecConfigException(field(key), "required");
        }
        return optionalInt(key, min, max, 0);
    }

    public int optionalInt(String key, int min, int max, int otherwise) {
        String value = optionalString(key);
        if (value == null) {
            return otherwise;
        }
        try {
            int i = value.startsWith("0x") ? Integer.parseInt(value.substring(2), 16) : Integer.parseInt(value);
            if (i < min || i > max) {
                throw new CodecConfigException(field(key), "must be between " + min + " and " + max + ", not " + i);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new CodecConfigException(field(key), "must be an integer, not '" + value + "'");
        }
    }

    @SuppressWarnings("unchecked")
    public ConfigReader nested(String key) {
        read.add(key);
        Object value = config.get(key);
        if (value == null) {
            throw new CodecConfigException(field(key), "required: the codec of the field, e.g. {codec: int16}");
        }
        if (!(value instanceof Map)) {
            throw new CodecConfigException(field(key), "must be a map such as {codec: int16}, not '" + value + "'");
        }
        return new ConfigReader((Map<String, ?>) value, field(key) + ".");
    }

    public void refuseUnknown(Set<String> known) {
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String key = unknown.iterator().next();
            throw new CodecConfigException(field(key), "unknown field, known: " + new TreeSet<>(known));
        }
        Set<String> unused = new TreeSet<>(config.keySet());
        unused.removeAll(read);
        unused.removeIf(k -> config.get(k) == null);
        if (!unused.isEmpty()) {
            String key = unused.iterator().next();
            throw new CodecConfigException(field(key), "does not apply to codec '" + config.get("codec") + "'");
        }
    }
}
