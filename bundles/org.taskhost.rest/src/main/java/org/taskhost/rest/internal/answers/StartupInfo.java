package org.taskhost.rest.internal.answers;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * iocmng's PluginStartupInfo: exactly its fields, in its order.
 *
 * @param name the plugin name
 * @param pluginType task or job
 * @param autoStart whether it starts when added
 * @param autoStartOnBoot true for every plugin the loader keeps
 * @param autostartOrder its place in the boot order, or null
 * @param startup the fields it shares with the plugin dict
 */
public record StartupInfo(String name, String pluginType, boolean autoStart, boolean autoStartOnBoot,
        Integer autostartOrder, @JsonUnwrapped StartupFields startup) {
}
