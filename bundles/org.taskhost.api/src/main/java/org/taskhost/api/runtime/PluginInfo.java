package org.taskhost.api.runtime;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.pv.PvSpec;

/**
 * What the model knows of one plugin, running or not. Methods are added in minor versions; views do not implement it.
 */
@ProviderType
public interface PluginInfo {

    /** @return the unique plugin name */
    String name();

    /** @return task or job */
    PluginKind kind();

    /** @return how execute() is called */
    PluginMode mode();

    /** @return the implementation class name */
    String className();

    /** @return the id of the plugin's bundle */
    long bundleId();

    /** @return the lifecycle phase; the same as {@code state().phase()} */
    PluginPhase phase();

    /** @return STATUS, MESSAGE, ENABLE, counters and phase; a stopped plugin shows STOPPED state */
    PluginState state();

    /** @return the VERSION shown to clients */
    String version();

    /** @return the PV prefix of this plugin, {@code prefix:PLUGIN}, to which {@code :NAME} is added */
    String pvPrefix();

    /** @return its config.yaml with the merged parameters; empty when its config.yaml cannot be read */
    Optional<PluginConfig> config();

    /**
     * @return the definitions of the PVs the plugin serves when it runs (also when it is stopped): the runtime's
     *         control PVs first (ENABLE, STATUS, ...), then inputs, then outputs; empty when its config is unreadable
     */
    List<PvSpec> pvSpecs();

    /** @return how many of {@link #pvSpecs()}, from the first, are the runtime's control PVs */
    int controlPvCount();
}
