package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.rest.internal.answers.Answer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.MediaType;

class RequestLimitsTest {

    @Test
    void aBodyReadPastItsLimitFailsWith413() throws Exception {
        BoundedBody body = new BoundedBody(new ByteArrayInputStream(new byte[100]), 64, "a request body is over the limit of 64 bytes");
        assertThat(body.readNBytes(64)).hasSize(64);
        assertThatThrownBy(body::read).isInstanceOf(BoundedBody.TooLarge.class).hasMessage("a request body is over the limit of 64 bytes");
        assertThat(new BodyLimitFilter(64, 64).toResponse(new BoundedBody.TooLarge("over")).getStatus()).isEqualTo(413);
    }

    @Test
    void jacksonPassesTheFailureOnUnwrapped() {
        BoundedBody body = new BoundedBody(new ByteArrayInputStream(("{\"a\":\"" + "x".repeat(100) + "\"}").getBytes()), 64, "over 64");
        assertThatThrownBy(() -> JsonProvider.MAPPER.readValue(body, Map.class)).isExactlyInstanceOf(BoundedBody.TooLarge.class);
    }

    @Test
    void aBodyWithinItsLimitIsReadWhole() throws Exception {
        BoundedBody body = new BoundedBody(new ByteArrayInputStream(new byte[64]), 64, "over");
        assertThat(body.readAllBytes()).hasSize(64);
    }

    @Test
    void jarsHaveTheirOwnLimit() {
        assertThat(BodyLimitFilter.isJar(MediaType.APPLICATION_OCTET_STREAM_TYPE)).isTrue();
        assertThat(BodyLimitFilter.isJar(MediaType.valueOf("application/java-archive"))).isTrue();
        assertThat(BodyLimitFilter.isJar(MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(BodyLimitFilter.isJar(null)).isFalse();
    }

    @Test
    void jsonNestedTooDeepIs413AndMalformedJsonStays400() {
        String deep = "[".repeat(JsonProvider.MAX_DEPTH + 1) + "]".repeat(JsonProvider.MAX_DEPTH + 1);
        JsonProcessingException tooDeep = parse(deep);
        assertThat(new JsonErrors().toResponse(tooDeep).getStatus()).isEqualTo(413);
        assertThat(((Answer) new JsonErrors().toResponse(tooDeep).getEntity()).message())
                .isEqualTo("JSON nested deeper than 32 levels is not accepted");
        String deepest = "[".repeat(JsonProvider.MAX_DEPTH) + "]".repeat(JsonProvider.MAX_DEPTH);
        assertThat(parse(deepest)).isNull();
        assertThat(new JsonErrors().toResponse(parse("{\"a\": }")).getStatus()).isEqualTo(400);
    }

    @Test
    void theStartLineSaysWhichInterfacesServeTheApi() {
        assertThat(RestEndpoint.describe(Map.of(RestEndpoint.PORT, "8080")::get))
                .isEqualTo("REST API on http://0.0.0.0:8080/api/v1 (every interface; TASKHOST_HOST=127.0.0.1 keeps it on this host); "
                        + "every request but /health and /openapi.json needs a token");
        assertThat(RestEndpoint.describe(Map.of(RestEndpoint.HOST, "127.0.0.1", RestEndpoint.PORT, "9000")::get))
                .startsWith("REST API on http://127.0.0.1:9000/api/v1 (this host only)");
        assertThat(RestEndpoint.describe(Map.of(RestEndpoint.HOST, "fd00::5")::get)).startsWith("REST API on http://[fd00::5]:8080/api/v1 (the interface of fd00::5 only)");
    }

    private static JsonProcessingException parse(String json) {
        try {
            JsonProvider.MAPPER.readValue(json, JsonNode.class);
            return null;
        } catch (JsonProcessingException e) {
            return e;
        }
    }
}
