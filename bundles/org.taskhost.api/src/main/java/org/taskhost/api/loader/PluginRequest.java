package org.taskhost.api.loader;

import java.util.Map;

/**
 * Where a plugin comes from and how it runs, with iocmng's field names.
 *
 * @param name the plugin name: 1 to 128 letters, digits, '_' or '-'
 * @param gitUrl an https, ssh or file URL of a git repository, or null when {@code localPath} is given
 * @param branch a branch, tag or commit SHA; null or empty for the remote's default branch
 * @param path the plugin's folder inside the repository or local folder; empty for the top
 * @param pat a token for https; never stored unless {@code keepToken}, never logged or returned
 * @param localPath a folder on this machine holding the plugin, instead of {@code gitUrl}
 * @param parameters values that override config.yaml's parameters
 * @param autoStart whether to start the plugin now
 * @param autostartOrder the boot order among plugins, lower first; null for last
 * @param keepToken whether to keep {@code pat} (in a 0600 file) for later reloads
 */
public record PluginRequest(String name, String gitUrl, String branch, String path, String pat, String localPath,
        Map<String, Object> parameters, boolean autoStart, Integer autostartOrder, boolean keepToken) {

    /** Normalizes null fields. */
    public PluginRequest {
        branch = branch == null ? "" : branch.trim();
        path = path == null ? "" : path.trim();
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** @return the request without its token, safe to log */
    @Override
    public String toString() {
        return "PluginRequest[name=" + name + ", gitUrl=" + gitUrl + ", branch=" + branch + ", path=" + path
                + ", localPath=" + localPath + ", pat=" + (pat == null ? "none" : "***") + "]";
    }
}
