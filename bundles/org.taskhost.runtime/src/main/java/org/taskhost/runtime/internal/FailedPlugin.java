package org.taskhost.runtime.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.taskhost.api.JobResult;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.api.runtime.TaskStatus;

/** A plugin bundle that could not become a plugin (bad config.yaml, missing class, throwing constructor): shown in ERROR. */
final class FailedPlugin implements ManagedPlugin {

    private final String name;
    private final String className;
    private final long bundleId;
    private final String message;

    FailedPlugin(String name, String className, long bundleId, String message) {
        this.name = name;
        this.className = className;
        this.bundleId = bundleId;
        this.message = message;
    }

    @Override public String name() { return name; }
    @Override public PluginKind kind() { return PluginKind.TASK; }
    @Override public PluginMode mode() { return PluginMode.CONTINUOUS; }
    @Override public String className() { return className; }
    @Override public long bundleId() { return bundleId; }
    @Override public Map<String, Object> parameterValues() { return Map.of(); }
    @Override public List<Pv> pvs() { return List.of(); }
    @Override public List<JobResult> results() { return List.of(); }
    @Override public List<String> log() { return List.of(message); }

    @Override
    public PluginState state() {
        return new PluginState(TaskStatus.ERROR.name(), TaskStatus.ERROR.ordinal(), message, false, 0, 0, 0, null,
                PluginPhase.FAILED);
    }

    @Override public void updateParameters(Map<String, Object> overrides) { throw broken(); }
    @Override public void enable() { throw broken(); }
    @Override public void disable() { throw broken(); }
    @Override public CompletionStage<JobResult> trigger() { throw broken(); }
    @Override public void clear() { throw broken(); }
    @Override public void reset() { throw broken(); }

    private IllegalStateException broken() {
        return new IllegalStateException("plugin " + name + " failed to load: " + message);
    }
}
