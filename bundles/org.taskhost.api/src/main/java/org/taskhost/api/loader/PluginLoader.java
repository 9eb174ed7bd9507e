package org.taskhost.api.loader;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Adds, reloads and removes plugins from their sources. Each call blocks until done; call it off request threads. */
@ProviderType
public interface PluginLoader {

    /**
     * Fetches, compiles, packages, validates, installs and starts a plugin, and remembers it.
     *
     * @param request where it comes from
     * @return what was installed
     * @throws LoaderException with a reason and, when validation failed, the report; nothing changed
     */
    InstalledPlugin add(PluginRequest request) throws LoaderException;

    /**
     * Adds a prebuilt plugin bundle (a jar with a {@code Taskhost-Plugin} header), kept as the plugin's source:
     * it is renamed to the plugin's name, validated, installed and remembered like a plugin from git.
     *
     * @param name the plugin name
     * @param jar the bundle's bytes
     * @param parameters overrides of the bundle's config.yaml parameters
     * @return what was installed
     * @throws LoaderException with a reason and, when the jar is not a valid plugin, the report
     */
    InstalledPlugin addJar(String name, byte[] jar, java.util.Map<String, Object> parameters) throws LoaderException;

    /**
     * Fetches the plugin's source again (the same branch), rebuilds and swaps it in; keeps the old version
     * if the new one fails to build, validate or start.
     *
     * @param name the plugin
     * @return what is installed now
     * @throws LoaderException when not found, or when the new version is not valid (the old one keeps running)
     */
    InstalledPlugin reload(String name) throws LoaderException;

    /**
     * Stops the plugin (its cleanup runs), uninstalls it and forgets it.
     *
     * @param name the plugin
     * @throws LoaderException when not found
     */
    void remove(String name) throws LoaderException;

    /**
     * Replaces a plugin's parameter overrides, live and for later starts.
     *
     * @param name the plugin
     * @param parameters the new overrides of config.yaml's parameters
     * @return the plugin as kept now
     * @throws LoaderException when not found
     */
    InstalledPlugin updateParameters(String name, java.util.Map<String, Object> parameters) throws LoaderException;

    /**
     * Checks a source without installing anything.
     *
     * @param request where it comes from
     * @return the report of every check
     * @throws LoaderException for a malformed request
     */
    ValidationReport validate(PluginRequest request) throws LoaderException;

    /** @return whether the loader has finished its start: the plugins kept from the last run are back */
    boolean ready();

    /** @return every plugin the loader keeps */
    List<InstalledPlugin> installed();

    /**
     * @param name a plugin name
     * @return the plugin, if the loader keeps it
     */
    Optional<InstalledPlugin> installed(String name);
}
