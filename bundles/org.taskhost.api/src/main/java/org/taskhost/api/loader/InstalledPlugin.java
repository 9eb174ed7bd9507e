package org.taskhost.api.loader;

import java.time.Instant;
import java.util.Map;

/**
 * A plugin the loader keeps: where it came from and what was built. Never holds a token.
 *
 * @param name the plugin name
 * @param gitUrl the repository, or null
 * @param branch the branch, tag or SHA asked for
 * @param path the folder in the source
 * @param localPath the local folder, or null
 * @param commit the commit built (or a content hash for local folders)
 * @param className the plugin class
 * @param pluginType {@code task} or {@code job}
 * @param parameters the user's parameter overrides
 * @param autoStart whether it starts at boot
 * @param autostartOrder its boot order, or null
 * @param installedAt when this version was installed
 */
public record InstalledPlugin(String name, String gitUrl, String branch, String path, String localPath, String commit,
        String className, String pluginType, Map<String, Object> parameters, boolean autoStart, Integer autostartOrder,
        Instant installedAt) {
}
