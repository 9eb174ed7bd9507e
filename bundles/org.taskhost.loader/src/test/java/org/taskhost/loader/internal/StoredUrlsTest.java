package org.taskhost.loader.internal;

import static org.mockito.Mockito.mockingDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.taskhost.api.loader.InstalledPlugin;

class StoredUrlsTest {

    /** Config Admin as far as the store uses it: one factory configuration per name, held in a map. */
    static ConfigurationAdmin configurationAdmin(Map<String, Dictionary<String, Object>> kept) throws Exception {
        ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
        when(admin.listConfigurations(any())).thenAnswer(call -> {
            List<Configuration> all = new ArrayList<>();
            for (String name : kept.keySet()) {
                all.add(configuration(kept, name));
            }
            return all.toArray(Configuration[]::new);
        });
        when(admin.getFactoryConfiguration(any(), any(), any())).thenAnswer(call -> configuration(kept, call.getArgument(1)));
        return admin;
    }

    @SuppressWarnings("unchecked")
    private static Configuration configuration(Map<String, Dictionary<String, Object>> kept, String name) throws Exception {
        Configuration c = mock(Configuration.class);
        when(c.getProperties()).thenAnswer(call -> kept.get(name));
        when(c.updateIfDifferent(any())).thenAnswer(call -> kept.put(name, call.getArgument(0)) == null);
        return c;
    }

    /** @return each call to the logger as "method first-argument", in order */
    static List<String> calls(Logger log) {
        return mockingDetails(log).getInvocations().stream().map(i -> i.getMethod().getName() + " " + i.getArgument(0)).toList();
    }

    static InstalledPlugin plugin(String name, String url) {
        return new InstalledPlugin(name, url, "main", "", null, "abc", "Ticker", "task", Map.of(), true, null, Instant.EPOCH);
    }

    @Test
    void aCredentialStoredByAnOlderTaskhostMovesToTheTokenFile(@TempDir Path data) throws Exception {
        Map<String, Dictionary<String, Object>> kept = new ConcurrentHashMap<>();
        PluginStore old = new PluginStore(configurationAdmin(kept), data);
        old.save(plugin("private", "https://alice:s3cret@host/r.git"));
        old.save(plugin("public", "https://host/p.git"));
        old.save(plugin("token", "https://ghp_tok@host/t.git"));
        old.saveCredential("token", GitCredential.token("kept-already"));

        PluginStore store = new PluginStore(configurationAdmin(kept), data);
        Logger logger = mock(Logger.class);
        StoredUrls.clean(store, logger);
        List<String> log = calls(logger);

        assertThat(store.find("private").orElseThrow().gitUrl()).isEqualTo("https://host/r.git");
        assertThat(kept.get("private").get("git_url")).isEqualTo("https://host/r.git");
        assertThat(store.keptCredential("private")).contains(new GitCredential("alice", "s3cret", null));
        assertThat(store.find("public").orElseThrow().gitUrl()).isEqualTo("https://host/p.git");
        assertThat(store.keptCredential("public")).isEmpty();
        assertThat(kept.get("token").get("git_url")).isEqualTo("https://host/t.git");
        assertThat(store.keptCredential("token")).as("a credential kept on request wins").contains(GitCredential.token("kept-already"));
        assertThat(kept.values()).noneMatch(d -> String.valueOf(d.get("git_url")).contains("@"));
        assertThat(log).hasSize(2).allMatch(l -> l.startsWith("warn plugin ") && l.contains("moved to " + data.resolve("tokens")))
                .noneMatch(l -> l.contains("s3cret") || l.contains("ghp_tok"));
    }
}
