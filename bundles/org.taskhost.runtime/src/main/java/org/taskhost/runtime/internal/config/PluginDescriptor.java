package org.taskhost.runtime.internal.config;

import java.util.List;
import java.util.Map;

import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.PluginMode;

/**
 * A parsed and checked config.yaml.
 *
 * @param className the class named by {@code class:}, or null
 * @param prefix the plugin's PV segment from {@code prefix:}, or null for the upper-cased name
 * @param parameters the parameters, in file order
 * @param mode the task mode from {@code parameters.mode} (or iocmng's {@code triggered: true})
 * @param inputs writable PVs
 * @param outputs read-only PVs
 * @param defaults config.yaml's own parameters, before any override
 */
public record PluginDescriptor(String className, String prefix, Map<String, Object> parameters,
        PluginMode mode, List<PvSpec> inputs, List<PvSpec> outputs, Map<String, Object> defaults) {

    /** @return an empty descriptor: a continuous task with no parameters or PVs */
    public static PluginDescriptor empty() {
        return new PluginDescriptor(null, null, Map.of(), PluginMode.CONTINUOUS, List.of(), List.of(), Map.of());
    }

    /**
     * @param overrides values that win over config.yaml's
     * @return a copy with merged parameters
     */
    public PluginDescriptor withParameters(Map<String, Object> overrides) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(parameters);
        merged.putAll(overrides);
        return new PluginDescriptor(className, prefix, java.util.Collections.unmodifiableMap(merged), mode, inputs, outputs, defaults);
    }
}
