package org.taskhost.loader.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginStoreTest {

    @Test
    void aKeptTokenIsReadableByTheOwnerOnly(@TempDir Path data) throws Exception {
        PluginStore store = new PluginStore(null, data);
        store.saveCredential("private", GitCredential.token("ghp_abc"));
        Path file = data.resolve("tokens/private");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.keptCredential("private")).contains(GitCredential.token("ghp_abc"));
        assertThat(data.resolve("tokens/private.user")).doesNotExist();
        assertThat(store.keptCredential("other")).isEmpty();
    }

    @Test
    void aKeptUserNameIsReadableByTheOwnerOnly(@TempDir Path data) throws Exception {
        PluginStore store = new PluginStore(null, data);
        store.saveCredential("private", new GitCredential("alice", "pw", "alice:pw"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tokens/private.user")))).isEqualTo("rw-------");
        assertThat(store.keptCredential("private")).contains(new GitCredential("alice", "pw", null));
        store.saveCredential("private", GitCredential.token("t2"));
        assertThat(store.keptCredential("private")).as("a lone token replaces a user and password").contains(GitCredential.token("t2"));
    }

    @Test
    void jarsAreKeptByCommitAndPrunedToTheOneInUse(@TempDir Path data) throws Exception {
        PluginStore store = new PluginStore(null, data);
        store.saveJar("m", "aaa", new byte[] {1});
        store.saveJar("m", "bbb", new byte[] {2});
        store.prune("m", "bbb");
        try (var files = Files.list(data.resolve("plugins/m"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("bbb.jar"));
        }
    }

    @Test
    void parametersRoundTripThroughTheirJsonText() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("threshold", 80.5);
        p.put("label", "ring: a");
        p.put("on", true);
        assertThat(PluginStore.parameters(PluginStore.json(p))).isEqualTo(p);
    }
}
