package org.taskhost.api.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PluginRequestTest {

    @Test
    void itsTextShowsNoSecret() {
        PluginRequest r = new PluginRequest("m", "https://alice:s3cret@host/r.git", "", "", "ghp_tok", null, Map.of(), true, null, false);
        assertThat(r.toString()).doesNotContain("s3cret", "alice", "ghp_tok").contains("gitUrl=***@host/r.git", "pat=***");
        assertThat(new PluginRequest("m", "https://host/r.git", "", "", null, null, Map.of(), true, null, false).toString())
                .contains("gitUrl=https://host/r.git", "pat=none");
    }
}
