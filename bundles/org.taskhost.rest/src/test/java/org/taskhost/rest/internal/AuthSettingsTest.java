package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.util.converter.Converters;

class AuthSettingsTest {

    @Test
    void aMalformedEntryIsLeftOutAndTheOthersWork(@TempDir Path data) throws Exception {
        AuthSettings s = AuthSettings.read(config(Map.of("tokens", new String[] {"read:r-1,bogus", "deploy:d-2"},
                "tokensFromEnvironment", new String[] {"bogus-secret", " operate:o-3", ""})), data);
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
        AuthSettings s = AuthSettings.read(config(Map.of("openReads", "true", "tokens", "admin:a-1")), data);
        assertThat(s.closed()).hasValueSatisfying(c -> assertThat(c).startsWith("the admin token " + data.resolve("admin.token"))
                .contains("cannot be written or read"));
        assertThat(s.tokens().roleOf("a-1")).as("the other tokens are read, but the filter refuses all while closed").contains(Role.ADMIN);
    }

    @Test
    void anEmptyAdminTokenClosesTheApi(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("admin.token"), "\n");
        assertThat(AuthSettings.read(config(Map.of()), data).closed()).hasValue("the admin token file "
                + data.resolve("admin.token") + " is empty");
    }

    @Test
    void aTokenSettingThatCannotBeReadClosesTheApi(@TempDir Path data) {
        // TASKHOST_TOKENS mapped without a default while the variable is unset: the placeholder stays, and is no token
        AuthSettings s = AuthSettings.read(config(Map.of("tokens", "read:r-1", "tokensFromEnvironment", "$[env:TASKHOST_TOKENS]")), data);
        assertThat(s.closed()).hasValueSatisfying(c -> assertThat(c).startsWith("a token setting cannot be read: TASKHOST_TOKENS: "
                + "the placeholder in '$[env:TASKHOST_TOKENS]' was not replaced"));
        assertThat(AuthSettings.read(config(Map.of("tokens", "$[secret:tokens]")), data).closed()).isPresent();
    }

    @Test
    void onlyTrueOpensReads(@TempDir Path data) {
        assertThat(AuthSettings.read(config(Map.of("openReads", " TRUE ")), data).openReads()).isTrue();
        assertThat(AuthSettings.read(config(Map.of("openReads", "false")), data).openReads()).isFalse();
        assertThat(AuthSettings.read(config(Map.of("openReads", "")), data).openReads()).as("an empty variable").isFalse();
        AuthSettings typo = AuthSettings.read(config(Map.of("openReads", "ture")), data);
        assertThat(typo.openReads()).isFalse();
        assertThat(typo.problems()).containsExactly("TASKHOST_OPEN_READS: 'ture' is neither true nor false; reads need a token");
        AuthSettings unset = AuthSettings.read(config(Map.of("openReads", "$[env:TASKHOST_OPEN_READS]")), data);
        assertThat(unset.openReads()).isFalse();
        assertThat(unset.problems()).singleElement().asString().startsWith("TASKHOST_OPEN_READS: the placeholder").endsWith("; reads need a token");
        assertThat(AuthSettings.read(config(Map.of()), data).openReads()).as("the default").isFalse();
    }

    /** The configuration as Declarative Services gives it: each value converted to its attribute's type when read. */
    static RestConfig config(Map<String, ?> values) {
        return Converters.standardConverter().convert(values).to(RestConfig.class);
    }
}
