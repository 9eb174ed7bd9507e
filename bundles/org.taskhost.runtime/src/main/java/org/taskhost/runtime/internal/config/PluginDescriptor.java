package org.taskhost.runtime.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.config.TriggerSpec;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;

/**
 * A parsed and checked config.yaml.
 *
 * @param declaredClass the class named by {@code class:}, or null
 * @param declaredPrefix the plugin's PV segment from {@code prefix:}, or null for the upper-cased name
 * @param declaredKind JOB for {@code mode: job}, else null
 * @param parameters the merged parameters, in file order
 * @param mode the task mode from {@code parameters.mode} (or iocmng's {@code triggered: true}); ON_REQUEST for a job
 * @param inputs writable PVs
 * @param outputs read-only PVs
 * @param defaults config.yaml's own parameters, before any override
 * @param triggers config.yaml's triggers
 */
public record PluginDescriptor(String declaredClass, String declaredPrefix, PluginKind declaredKind,
        Map<String, Object> parameters, PluginMode mode, List<PvSpec> inputs, List<PvSpec> outputs,
        Map<String, Object> defaults, List<TriggerSpec> triggers) implements PluginConfig {

    /** Freezes the maps and lists. */
    public PluginDescriptor {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        triggers = List.copyOf(triggers);
    }

    /** @return an empty descriptor: a continuous task with no parameters or PVs */
    public static PluginDescriptor empty() {
        return new PluginDescriptor(null, null, null, Map.of(), PluginMode.CONTINUOUS, List.of(), List.of(), Map.of(), List.of());
    }

    /**
     * @param config any configuration
     * @return the same as a descriptor
     */
    public static PluginDescriptor of(PluginConfig config) {
        return config instanceof PluginDescriptor d ? d : new PluginDescriptor(config.className().orElse(null),
                config.prefix().orElse(null), config.kind().orElse(null), config.parameters(), config.mode(),
                config.inputs(), config.outputs(), config.defaults(), config.triggers());
    }

    @Override
    public Optional<String> className() {
        return Optional.ofNullable(declaredClass);
    }

    @Override
    public Optional<String> prefix() {
        return Optional.ofNullable(declaredPrefix);
    }

    @Override
    public Optional<PluginKind> kind() {
        return Optional.ofNullable(declaredKind);
    }

    /**
     * @param merged the parameters that now apply
     * @param nextMode the mode they give
     * @return a copy with these parameters
     */
    PluginDescriptor with(Map<String, Object> merged, PluginMode nextMode) {
        return new PluginDescriptor(declaredClass, declaredPrefix, declaredKind, merged, nextMode, inputs, outputs, defaults, triggers);
    }
}
