package org.taskhost.runtime.internal;

import java.util.List;
import java.util.Optional;

import org.taskhost.api.config.PluginConfig;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;

/** What the model says of one plugin at one moment. */
record PluginSnapshot(String name, PluginKind kind, PluginMode mode, String className, long bundleId, PluginState state,
        String version, String pvPrefix, Optional<PluginConfig> config, List<PvSpec> pvSpecs, int controlPvCount)
        implements PluginInfo {

    @Override
    public PluginPhase phase() {
        return state.phase();
    }
}
