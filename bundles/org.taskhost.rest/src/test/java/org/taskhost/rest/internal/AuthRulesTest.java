package org.taskhost.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthRulesTest {

    @Test
    void eachRequestNeedsTheRoleOfWhatItDoes() {
        assertThat(Role.needed("GET", "api/v1/health")).isEmpty();
        assertThat(Role.needed("GET", "/api/v1/tasks")).contains(Role.READ);
        assertThat(Role.needed("POST", "api/v1/jobs/diag/run")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/plugins/m/disable")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/pvs/put")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/pvs/get")).as("a read, though a POST").contains(Role.READ);
        assertThat(Role.needed("POST", "api/v1/tasks")).contains(Role.DEPLOY);
        assertThat(Role.needed("DELETE", "api/v1/tasks/m")).contains(Role.DEPLOY);
        assertThat(Role.needed("POST", "api/v1/plugins/m/restart")).contains(Role.DEPLOY);
        assertThat(Role.needed("GET", "api/v1/devices/ahu1/points")).contains(Role.READ);
        assertThat(Role.needed("POST", "api/v1/devices/ahu1/points/sp/write")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/devices/ahu1/read")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/devices/ahu1/disable")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/devices/discover")).contains(Role.OPERATE);
        assertThat(Role.needed("POST", "api/v1/devices")).contains(Role.DEPLOY);
        assertThat(Role.needed("PUT", "api/v1/devices/ahu1")).contains(Role.DEPLOY);
        assertThat(Role.needed("DELETE", "api/v1/devices/ahu1")).contains(Role.DEPLOY);
        assertThat(Role.ADMIN.covers(Role.DEPLOY)).isTrue();
        assertThat(Role.OPERATE.covers(Role.DEPLOY)).isFalse();
    }

    @Test
    void whoamiNamesTheTokensRoleAndTheRolesItIncludes() {
        assertThat(Role.isWhoami("GET", "/api/v1/whoami")).isTrue();
        assertThat(Role.isWhoami("POST", "api/v1/whoami")).isFalse();
        assertThat(Role.needed("GET", "api/v1/whoami")).contains(Role.READ);
        TokenSecurityContext operate = new TokenSecurityContext(Role.OPERATE, false, false);
        assertThat(PluginDictsTest.json(operate.describe())).containsExactly(entry("role", "operate"),
                entry("roles", java.util.List.of("read", "operate")), entry("open_reads", false));
        assertThat(PluginDictsTest.json(new TokenSecurityContext(Role.READ, true, false).describe())).containsEntry("roles", java.util.List.of("read"));
        assertThat(operate.getUserPrincipal().getName()).isEqualTo("operate");
        assertThat(operate.isUserInRole("read")).isTrue();
        assertThat(operate.isUserInRole("deploy")).isFalse();
        assertThat(operate.isUserInRole("nobody")).isFalse();
    }

    @Test
    void tokensAreKnownByDigestAndBadEntriesNameTheirPlaceNotTheToken() {
        TokenStore store = new TokenStore();
        assertThat(store.addEntry("operate:op-123", "tokens entry 1")).isEmpty();
        assertThat(store.roleOf("op-123")).contains(Role.OPERATE);
        assertThat(store.roleOf("op-124")).isEqualTo(Optional.empty());
        assertThat(store.addEntry("boss:secret-xyz", "TASKHOST_TOKENS entry 2")).hasValueSatisfying(p -> assertThat(p)
            .startsWith("TASKHOST_TOKENS entry 2: unknown role 'boss'").doesNotContain("secret-xyz"));
        assertThat(store.addEntry("secret-xyz", "TASKHOST_TOKENS entry 3")).hasValueSatisfying(p -> assertThat(p)
            .startsWith("TASKHOST_TOKENS entry 3: no role: prefix").doesNotContain("secret"));
        assertThat(store.addEntry("sec/ret:xyz", "tokens entry 4")).as("a prefix that is no word may be part of a token")
            .hasValueSatisfying(p -> assertThat(p).contains("no role: prefix").doesNotContain("sec"));
        assertThat(store.addEntry("read: ", "tokens entry 5")).hasValueSatisfying(p -> assertThat(p).contains("role 'read' with an empty token"));
        assertThat(store.roleOf("secret-xyz")).isEmpty();
    }

    @Test
    void theAdminTokenFileIsMadeOnceWithMode0600(@TempDir Path data) throws Exception {
        Path file = TokenStore.ensureAdminToken(data);
        String token = Files.readString(file).trim();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(TokenStore.ensureAdminToken(data)).trim()).isEqualTo(token);
    }
}
