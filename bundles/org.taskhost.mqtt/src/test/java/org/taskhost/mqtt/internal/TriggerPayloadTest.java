package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TriggerPayloadTest {

    private static Object value(String payload, String field) {
        return TriggerPayload.value(payload.getBytes(StandardCharsets.UTF_8), field);
    }

    @Test
    void theWholePayloadIsAJsonScalarOrPlainText() {
        assertThat(value("4.5", null)).isEqualTo(4.5);
        assertThat(value("\"open\"", null)).isEqualTo("open");
        assertThat(value(" closed \n", null)).isEqualTo("closed");
        assertThat(value("[1, 2.5]", null)).isEqualTo(new double[] {1, 2.5});
    }

    @Test
    void aFieldIsTakenByItsDottedPath() {
        assertThat(value("{\"reading\": {\"value\": 21.5, \"unit\": \"C\"}}", "reading.value")).isEqualTo(21.5);
        assertThat(value("{\"on\": true}", "on")).isEqualTo(true);
    }

    @Test
    void whatCannotBeTakenIsSaid() {
        assertThatThrownBy(() -> value("{\"a\": 1}", "b")).hasMessage("the payload has no field 'b'");
        assertThatThrownBy(() -> value("not json", "a")).hasMessageStartingWith("the payload is not JSON, so field 'a' cannot be taken");
        assertThatThrownBy(() -> value("{\"a\": 1}", null)).hasMessage("the payload is a JSON object: name the field to take (field:)");
        assertThatThrownBy(() -> value("{\"a\": null}", "a")).hasMessage("field 'a' is null");
        assertThatThrownBy(() -> value("{\"a\": [1, \"x\"]}", "a")).hasMessage("field 'a' is a list with more than numbers");
    }
}
