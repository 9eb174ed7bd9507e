package org.taskhost.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How taskhost writes JSON, decided once: the answers are records whose components are named in camelCase and
 * written in snake_case ({@code cycleCount} as {@code cycle_count}); a number that is not finite (NaN, Infinity) is
 * written as {@code null}, because JSON has no such numbers and Jackson's default (the string {@code "NaN"}) would
 * give a number field a string; {@code java.time} values are written as ISO-8601 text ({@code Instant.toString()}).
 * Map keys are written as they are.
 * <p>
 * A static factory rather than a service: the configuration has no state, no settings and no lifecycle, and the
 * REST provider, the device resources and the MQTT payloads need it in static contexts and in unit tests without a
 * framework. What a bundle reads (depth limits, integer types) it adds to {@link #builder()} itself.
 */
public final class TaskhostJson {

    private static final ObjectMapper MAPPER = builder().build();

    private TaskhostJson() {
    }

    /** @return a builder with taskhost's configuration, for a bundle that adds how it reads */
    public static JsonMapper.Builder builder() {
        return builder(new JsonFactory());
    }

    /**
     * @param factory a factory with the bundle's own read constraints (such as a nesting limit)
     * @return a builder with taskhost's configuration over that factory
     */
    public static JsonMapper.Builder builder(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(finiteNumbers())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /**
     * @return the shared mapper with taskhost's configuration; do not reconfigure it (use {@link #builder()} for a
     *         mapper of your own)
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static SimpleModule finiteNumbers() {
        SimpleModule m = new SimpleModule("taskhost-finite-numbers");
        FiniteDouble d = new FiniteDouble();
        m.addSerializer(Double.class, d);
        m.addSerializer(Double.TYPE, d);
        m.addSerializer(Float.class, new FiniteFloat(Float.class));
        m.addSerializer(Float.TYPE, new FiniteFloat(Float.TYPE));
        m.addSerializer(double[].class, new FiniteDoubles());
        return m;
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            write(v, g);
        }
    }

    private static final class FiniteFloat extends StdSerializer<Float> {
        FiniteFloat(Class<Float> type) {
            super(type);
        }

        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Float.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] values, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(values, values.length);
            for (double v : values) {
                write(v, g);
            }
            g.writeEndArray();
        }
    }

    private static void write(double v, JsonGenerator g) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }
}
