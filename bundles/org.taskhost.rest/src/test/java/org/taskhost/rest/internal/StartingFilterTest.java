package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class StartingFilterTest {

    @Test
    void everyRequestWaitsUntilTheLoaderIsReady() {
        assertThat(StartingFilter.answer(false)).hasValue("taskhost is starting: plugins are being restored; retry shortly");
        assertThat(StartingFilter.answer(true)).isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesEveryResourcePath() throws Exception {
        JsonNode doc = JsonProvider.MAPPER.readTree(OpenApiResource.class.getResourceAsStream("/openapi.json"));
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("paths").has("/api/v1/tasks")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/jobs/{name}/run").has("post")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/plugins/{name}/parameters").has("put")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();
    }
}
