package org.taskhost.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskhostJsonTest {

    record Sample(String pluginType, long cycleCount, double gain, Double low, Instant timestamp, double[] wave,
            float ratio, Map<String, Object> startParameters) {
    }

    private static String write(Object value) throws Exception {
        return TaskhostJson.mapper().writeValueAsString(value);
    }

    @Test
    void recordComponentsAreWrittenInSnakeCaseInTheirOrderAndMapKeysAsTheyAre() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("sampleRate", 2);
        Sample s = new Sample("task", 3, 1.5, null, Instant.parse("2026-01-02T03:04:05.123456Z"), new double[] {1, 2}, 0.5f, parameters);

        assertThat(write(s)).isEqualTo("{\"plugin_type\":\"task\",\"cycle_count\":3,\"gain\":1.5,\"low\":null,"
                + "\"timestamp\":\"2026-01-02T03:04:05.123456Z\",\"wave\":[1.0,2.0],\"ratio\":0.5,\"start_parameters\":{\"sampleRate\":2}}");
    }

    @Test
    void anInstantIsWrittenAsItsToString() throws Exception {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(write(t)).isEqualTo("\"" + t + "\"");
    }

    @Test
    void numbersThatAreNotFiniteAreWrittenAsNullWhereverTheyAre() throws Exception {
        Sample s = new Sample("job", 0, Double.NaN, Double.POSITIVE_INFINITY, null,
                new double[] {Double.NEGATIVE_INFINITY, 2}, Float.NaN, Map.of("x", Double.NaN));

        assertThat(write(s)).isEqualTo("{\"plugin_type\":\"job\",\"cycle_count\":0,\"gain\":null,\"low\":null,"
                + "\"timestamp\":null,\"wave\":[null,2.0],\"ratio\":null,\"start_parameters\":{\"x\":null}}");
        assertThat(write(List.of(Double.NaN, 1.0f, Float.POSITIVE_INFINITY))).isEqualTo("[null,1.0,null]");
    }
}
