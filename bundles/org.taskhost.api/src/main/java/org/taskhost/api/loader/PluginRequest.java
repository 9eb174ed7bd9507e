package org.taskhost.api.loader;

import java.util.Map;

import org.taskhost.api.runtime.PluginKind;

/**
 * Where a plugin comes from and how it runs, with iocmng's field names.
 *
 * @param name the plugin name: 1 to 128 letters, digits, '_' or '-'
 * @param gitUrl an https, ssh or file URL of a git repository, or null when {@code localPath} is given; a credential
 *        in its user part is split off by the loader and treated as {@code pat}, never stored or shown
 * @param branch a branch, tag or commit SHA; null or empty for the remote's default branch
 * @param path the plugin's folder inside the repository or local folder; empty for the top
 * @param pat a token for https; never stored unless {@code keepToken}, never logged or returned
 * @param localPath a folder on this machine holding the plugin, instead of {@code gitUrl}
 * @param parameters values that override config.yaml's parameters
 * @param autoStart whether to start the plugin now
 * @param autostartOrder the boot order among plugins, lower first; null for last
 * @param keepToken whether to keep {@code pat} (in a 0600 file) for later reloads
 * @param kind the kind the caller expects ({@code /tasks} wants a task), checked before anything is installed;
 *        null for either
 */
public record PluginRequest(String name, String gitUrl, String branch, String path, String pat, String localPath,
        Map<String, Object> parameters, boolean autoStart, Integer autostartOrder, boolean keepToken, PluginKind kind) {

    /**
     * The 1.0 form, for either kind. New components are added at the end, keeping the older constructors, so that
     * the record grows without a major version.
     *
     * @param name the plugin name
     * @param gitUrl the repository, or null
     * @param branch a branch, tag or SHA
     * @param path the folder inside the source
     * @param pat a token for https
     * @param localPath a local folder, or null
     * @param parameters overrides of config.yaml's parameters
     * @param autoStart whether to start it now
     * @param autostartOrder the boot order, or null
     * @param keepToken whether to keep the token
     */
    public PluginRequest(String name, String gitUrl, String branch, String path, String pat, String localPath,
            Map<String, Object> parameters, boolean autoStart, Integer autostartOrder, boolean keepToken) {
        this(name, gitUrl, branch, path, pat, localPath, parameters, autoStart, autostartOrder, keepToken, null);
    }

    /** Normalizes null fields. */
    public PluginRequest {
        branch = branch == null ? "" : branch.trim();
        path = path == null ? "" : path.trim();
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** @return the request without its token, nor the user part of its URL (it may hold one), safe to log */
    @Override
    public String toString() {
        String url = gitUrl == null || gitUrl.lastIndexOf('@') < 0 ? gitUrl : "***" + gitUrl.substring(gitUrl.lastIndexOf('@'));
        return "PluginRequest[name=" + name + ", gitUrl=" + url + ", branch=" + branch + ", path=" + path
                + ", localPath=" + localPath + ", kind=" + kind + ", pat=" + (pat == null ? "none" : "***") + "]";
    }
}
