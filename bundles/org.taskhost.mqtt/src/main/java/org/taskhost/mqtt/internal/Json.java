package org.taskhost.mqtt.internal;

import org.taskhost.json.TaskhostJson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payloads and command bodies in JSON, through taskhost's one configuration ({@link TaskhostJson}: a number
 * that is not finite is written as null, JSON having no NaN). Parsed objects are {@link java.util.LinkedHashMap}s,
 * arrays {@link java.util.List}s, integers {@link Long}s, other numbers {@link Double}s, and a parse error says what
 * is wrong and where.
 */
final class Json {

    private static final ObjectMapper READER = TaskhostJson.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /**
     * @param payload a payload record, or a map
     * @return its JSON text
     */
    static String write(Object payload) {
        try {
            return TaskhostJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param text JSON text
     * @return the value
     * @throws IllegalArgumentException saying what is wrong and where
     */
    static Object parse(String text) {
        try {
            return READER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at position " + Math.max(0, at.getCharOffset());
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
        }
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }
}
