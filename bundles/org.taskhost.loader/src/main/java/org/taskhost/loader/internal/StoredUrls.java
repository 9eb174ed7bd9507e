package org.taskhost.loader.internal;

import java.io.IOException;

import org.osgi.service.log.Logger;
import org.taskhost.api.loader.InstalledPlugin;

/**
 * Cleans the records an older taskhost wrote with the {@code git_url} as given, credential included: at boot each such
 * record is saved again with the clean URL, and its credential moves to the 0600 token file (unless one is kept
 * already), where reloads find it. The credential was on disk in the clear already; this only narrows where.
 */
final class StoredUrls {

    private StoredUrls() {
    }

    static void clean(PluginStore store, Logger log) {
        for (InstalledPlugin p : store.all()) {
            if (p.gitUrl() == null) {
                continue;
            }
            try {
                GitUrl split = GitUrl.split(p.gitUrl());
                if (split.credential() == null) {
                    continue;
                }
                if (store.keptCredential(p.name()).isEmpty()) {
                    store.saveCredential(p.name(), split.credential());
                }
                store.save(new InstalledPlugin(p.name(), split.url(), p.branch(), p.path(), p.localPath(), p.commit(), p.className(),
                        p.pluginType(), p.parameters(), p.autoStart(), p.autostartOrder(), p.installedAt()));
                log.warn("plugin " + p.name() + ": the credential in its stored git_url moved to " + store.token(p.name()) + " (0600)");
            } catch (BuildProblem | IOException e) {
                // the messages never echo the URL
                log.error("plugin " + p.name() + ": cannot take the credential out of its stored git_url: " + e.getMessage());
            }
        }
    }
}
