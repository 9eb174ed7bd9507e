package org.taskhost.rest.internal.answers;

import java.util.List;

/**
 * @param plugins the plugins
 * @param count how many
 */
public record PluginList(List<Plugin> plugins, int count) {

    public PluginList(List<Plugin> plugins) {
        this(plugins, plugins.size());
    }
}
