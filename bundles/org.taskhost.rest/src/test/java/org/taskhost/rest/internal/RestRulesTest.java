package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginOperationException;

/** The small rules of the plugin endpoints: ?type=, collections, refused operations, error bodies. */
class RestRulesTest {

    @Test
    void theTypeFilterTakesTaskOrJobAndNamesTheParameterOtherwise() {
        assertThat(PluginsResource.typeFilter(null)).isEmpty();
        assertThat(PluginsResource.typeFilter("")).isEmpty();
        assertThat(PluginsResource.typeFilter("task")).contains(PluginKind.TASK);
        assertThat(PluginsResource.typeFilter("JOB")).contains(PluginKind.JOB);
        assertThatThrownBy(() -> PluginsResource.typeFilter("tasks"))
                .hasMessage("query parameter 'type' must be task or job, got 'tasks'");
    }

    @Test
    void eachCollectionWantsItsKind() {
        assertThat(PluginsResource.kindOf("tasks")).isEqualTo(PluginKind.TASK);
        assertThat(PluginsResource.kindOf("jobs")).isEqualTo(PluginKind.JOB);
        assertThat(PluginsResource.kindOf("plugins")).isNull();
    }

    @Test
    void aRefusedOperationGetsTheStatusOfItsReason() {
        assertThat(PluginOperationsResource.statusOf(new PluginOperationException(PluginOperationException.Reason.NOT_FOUND, "x"))).isEqualTo(404);
        assertThat(PluginOperationsResource.statusOf(new PluginOperationException(PluginOperationException.Reason.CONFLICT, "x"))).isEqualTo(409);
        assertThat(PluginOperationsResource.statusOf(new PluginOperationException(PluginOperationException.Reason.FAILED, "x"))).isEqualTo(422);
    }

    @Test
    void errorsWithoutABodyGetIocmngsFieldsNamingThePath() {
        assertThat(PluginDictsTest.json(HttpErrors.body(404, "GET", "/api/v1/nothing", Set.of()))).containsEntry("ok", false).containsEntry("validation", null)
                .containsEntry("message", "no endpoint at /api/v1/nothing (see /api/v1/openapi.json)");
        assertThat(PluginDictsTest.json(HttpErrors.body(405, "DELETE", "/api/v1/health", Set.of("OPTIONS", "GET"))))
                .containsEntry("message", "method DELETE is not allowed on /api/v1/health; allowed: GET, OPTIONS");
        assertThat(HttpErrors.body(500, "GET", "/api/v1/x", Set.of()).message()).isEqualTo("GET /api/v1/x failed with HTTP status 500");
        assertThat(Optional.of(HttpErrors.body(415, "POST", "/api/v1/tasks", Set.of()).message())).hasValueSatisfying(
                m -> assertThat((String) m).contains("send application/json"));
    }

    @Test
    void clearAndResetNeedTheOperateRole() {
        assertThat(Role.needed("POST", "api/v1/plugins/m/clear")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/plugins/m/reset")).contains(Role.OPERATE);
        assertThat(Role.needed("GET", "api/v1/tasks/m/startup")).contains(Role.READ);
    }
}
