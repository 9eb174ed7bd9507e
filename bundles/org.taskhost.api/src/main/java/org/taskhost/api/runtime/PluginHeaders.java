package org.taskhost.api.runtime;

/** The manifest headers that make a bundle a taskhost plugin. */
public final class PluginHeaders {

    /** The plugin class, extending TaskBase or JobBase; its presence makes the bundle a plugin. */
    public static final String PLUGIN = "Taskhost-Plugin";
    /** The plugin name; defaults to the symbolic name without {@value #BSN_PREFIX}. */
    public static final String NAME = "Taskhost-Name";
    /** {@code task} or {@code job}, written by the loader, so that a stopped plugin's kind is known without loading it. */
    public static final String KIND = "Taskhost-Kind";
    /** The symbolic-name prefix of plugin bundles. */
    public static final String BSN_PREFIX = "taskhost.plugin.";

    private PluginHeaders() {
    }

    /**
     * @param symbolicName the bundle's symbolic name
     * @param nameHeader the {@value #NAME} header, or null
     * @return the plugin name
     */
    public static String pluginName(String symbolicName, String nameHeader) {
        if (nameHeader != null && !nameHeader.isBlank()) {
            return nameHeader.trim();
        }
        return symbolicName.startsWith(BSN_PREFIX) ? symbolicName.substring(BSN_PREFIX.length()) : symbolicName;
    }
}
