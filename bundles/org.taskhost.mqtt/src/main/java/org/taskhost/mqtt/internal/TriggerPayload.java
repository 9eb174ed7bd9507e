package org.taskhost.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The value a trigger puts into an input: the payload itself (JSON scalar, a JSON list of numbers, or plain text),
 * or one field of a JSON payload, named by a dotted path such as {@code reading.value}.
 */
final class TriggerPayload {

    private TriggerPayload() {
    }

    /**
     * @param payload the message's bytes, UTF-8
     * @param field the dotted path of the field to take, or null for the whole payload
     * @return a number, text, boolean or double[]
     * @throws IllegalArgumentException saying why no value could be taken
     */
    static Object value(byte[] payload, String field) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        Object json;
        try {
            json = Json.parse(text);
        } catch (IllegalArgumentException e) {
            if (field != null) {
                throw new IllegalArgumentException("the payload is not JSON, so field '" + field + "' cannot be taken (" + e.getMessage() + ")");
            }
            return text;
        }
        if (field != null) {
            for (String level : field.split("\\.")) {
                if (!(json instanceof Map<?, ?> m) || !m.containsKey(level)) {
                    throw new IllegalArgumentException("the payload has no field '" + field + "'");
                }
                json = m.get(level);
            }
        }
        return scalar(json, field);
    }

    private static Object scalar(Object v, String field) {
        String what = field == null ? "the payload" : "field '" + field + "'";
        if (v instanceof Number || v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof List<?> l && l.stream().allMatch(Number.class::isInstance)) {
            return l.stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray();
        }
        if (v == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        throw new IllegalArgumentException(what + " is " + (v instanceof Map ? "a JSON object: name the field to take (field:)" : "a list with more than numbers"));
    }
}
