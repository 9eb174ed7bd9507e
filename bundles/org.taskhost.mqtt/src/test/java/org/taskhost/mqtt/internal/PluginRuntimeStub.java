package org.taskhost.mqtt.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * A model whose plugins a test sets; nothing runs, so no plugin is running.
 *
 * @param list the plugins now
 * @param whileListing runs after {@link #plugins()} took its snapshot and before it returns it
 */
record PluginRuntimeStub(Supplier<List<PluginInfo>> list, Runnable whileListing) implements PluginRuntime {

    PluginRuntimeStub(Supplier<List<PluginInfo>> list) {
        this(list, () -> { });
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> snapshot = list.get();
        whileListing.run();
        return snapshot;
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return list.get().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public Optional<ManagedPlugin> running(String name) {
        return Optional.empty();
    }

    @Override
    public PluginInfo start(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PluginInfo stop(String name) {
        throw new UnsupportedOperationException();
    }
}
