package org.taskhost.api.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;

/**
 * A parsed and checked config.yaml (iocmng's format plus taskhost's keys). Made by the {@link PluginConfigParser};
 * methods are added in minor versions.
 */
@ProviderType
public interface PluginConfig {

    /** @return the class named by {@code class:}, or empty to let the loader find the one plugin class */
    Optional<String> className();

    /** @return the plugin's PV segment from {@code prefix:}, or empty for the upper-cased plugin name */
    Optional<String> prefix();

    /** @return the kind config.yaml asks for ({@code mode: job} is a job), or empty when only the class tells */
    Optional<PluginKind> kind();

    /** @return how a task runs ({@code parameters.mode}, or iocmng's {@code triggered: true}); ON_REQUEST for a job */
    PluginMode mode();

    /** @return the merged parameters: config.yaml's, overridden by the user's, in file order */
    Map<String, Object> parameters();

    /** @return config.yaml's own parameters, before any override */
    Map<String, Object> defaults();

    /** @return the writable PVs ({@code pvs.inputs} and {@code arguments.inputs}) */
    List<PvSpec> inputs();

    /** @return the read-only PVs, including the {@code <INPUT>_CONN} state PV of each linked input */
    List<PvSpec> outputs();

    /**
     * @return config.yaml's {@code triggers:}, in file order; empty when it has none
     * @since 1.1
     */
    default List<TriggerSpec> triggers() {
        return List.of();
    }
}
