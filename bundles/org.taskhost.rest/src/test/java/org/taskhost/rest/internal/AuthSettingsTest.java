package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSettingsTest {

    @Test
    void aMalformedEntryIsLeftOutAndTheOthersWork(@TempDir Path data) throws Exception {
        AuthSettings s = AuthSettings.read(config(data, false, "read:r-1,bogus", "deploy:d-2"),
                Map.of("TASKHOST_TOKENS", "bogus-secret, operate:o-3,")::get, k -> null);
        assertThat(s.closed()).isEmpty();
        assertThat(s.tokens().roleOf("r-1")).contains(Role.READ);
        assertThat(s.tokens().roleOf("d-2")).contains(Role.DEPLOY);
        assertThat(s.tokens().roleOf("o-3")).contains(Role.OPERATE);
        assertThat(s.tokens().roleOf(Files.readString(data.resolve("admin.token")))).contains(Role.ADMIN);
        assertThat(s.problems()).containsExactly(
                "tokens entry 2: no role: prefix; an entry is role:token with role read, operate, deploy or admin. It was left out",
                "TASKHOST_TOKENS entry 1: no role: prefix; an entry is role:token with role read, operate, deploy or admin. It was left out");
        assertThat(String.join("\n", s.problems())).doesNotContain("bogus");
    }

    @Test
    void withoutAnAdminTokenTheApiIsClosedWithTheReason(@TempDir Path data) throws Exception {
        Files.createDirectory(data.resolve("admin.token"));
        AuthSettings s = AuthSettings.read(config(data, true, "admin:a-1"), k -> null, k -> null);
        assertThat(s.closed()).hasValueSatisfying(c -> assertThat(c).startsWith("the admin token " + data.resolve("admin.token"))
                .contains("cannot be written or read"));
        assertThat(s.tokens().roleOf("a-1")).as("the other tokens are read, but the filter refuses all while closed").contains(Role.ADMIN);
    }

    @Test
    void anEmptyAdminTokenClosesTheApi(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("admin.token"), "\n");
        assertThat(AuthSettings.read(config(data, false), k -> null, k -> null).closed()).hasValue("the admin token file "
                + data.resolve("admin.token") + " is empty");
    }

    @Test
    void onlyTrueOpensReads(@TempDir Path data) {
        assertThat(AuthSettings.read(config(data, false), Map.of("TASKHOST_OPEN_READS", " TRUE ")::get, k -> null).openReads()).isTrue();
        assertThat(AuthSettings.read(config(data, true), Map.of("TASKHOST_OPEN_READS", "false")::get, k -> null).openReads()).isFalse();
        AuthSettings typo = AuthSettings.read(config(data, true), Map.of("TASKHOST_OPEN_READS", "ture")::get, k -> null);
        assertThat(typo.openReads()).isFalse();
        assertThat(typo.problems()).containsExactly("TASKHOST_OPEN_READS: 'ture' is neither true nor false; reads need a token");
        assertThat(AuthSettings.read(config(data, true), k -> null, k -> null).openReads()).isTrue();
    }

    static RestConfig config(Path data, boolean openReads, String... tokens) {
        return new RestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RestConfig.class;
            }

            @Override
            public String dataDir() {
                return data.toString();
            }

            @Override
            public String[] tokens() {
                return tokens;
            }

            @Override
            public boolean openReads() {
                return openReads;
            }

            @Override
            public long maxBodyBytes() {
                return 1 << 20;
            }

            @Override
            public long maxJarBytes() {
                return 64 << 20;
            }
        };
    }
}
