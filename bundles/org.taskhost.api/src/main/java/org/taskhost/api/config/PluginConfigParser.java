package org.taskhost.api.config;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one reader of config.yaml, a service of the runtime: the loader checks a plugin with it before installing,
 * the runtime runs the plugin from it, and views validate parameter overrides with it.
 */
@ProviderType
public interface PluginConfigParser {

    /**
     * @param file the file name, for messages ({@code config.yaml}, {@code config.yml}, {@code config.json})
     * @param text the YAML (or JSON) text; empty means a continuous task with no parameters or PVs
     * @return the checked configuration
     * @throws ConfigException with every problem, each naming line, column and field
     */
    PluginConfig parse(String file, String text) throws ConfigException;

    /**
     * Checks overrides of a plugin's parameters by the rules config.yaml's parameters follow (for example
     * {@code interval} is a number of seconds above 0) and merges them.
     *
     * @param config the plugin's configuration
     * @param overrides the user's values, winning over config.yaml's
     * @return the configuration with merged parameters
     * @throws ConfigException naming each refused field as {@code parameters.<name>}
     */
    PluginConfig withParameters(PluginConfig config, Map<String, Object> overrides) throws ConfigException;
}
