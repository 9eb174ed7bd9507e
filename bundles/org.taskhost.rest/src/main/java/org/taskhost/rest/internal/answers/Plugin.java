package org.taskhost.rest.internal.answers;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A plugin as iocmng 2.7's clients read it (its plugin dict), plus taskhost's typed phase and live state. Never
 * holds a token.
 *
 * @param name the plugin name
 * @param gitUrl its repository, if it came from git
 * @param pluginType task or job
 * @param className its class
 * @param path the folder in the repository
 * @param branch the branch, tag or SHA
 * @param localPath the local folder it came from, if any
 * @param commit the commit it was built from, if any
 * @param autoStart whether it starts when added
 * @param autoStartOnBoot whether the loader keeps it
 * @param autostartOrder its place in the boot order, or null
 * @param parameters the user's overrides only
 * @param live the fields that change as it runs
 * @param version its bundle version, null if blank
 * @param startup the fields it shares with iocmng's PluginStartupInfo
 */
public record Plugin(String name, String gitUrl, String pluginType, String className, String path, String branch,
        String localPath, String commit, boolean autoStart, boolean autoStartOnBoot, Integer autostartOrder,
        Map<String, Object> parameters, @JsonUnwrapped PluginLive live, String version,
        @JsonUnwrapped StartupFields startup) {
}
