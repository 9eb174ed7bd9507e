package org.taskhost.devices.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.taskhost.api.config.TriggerSpec;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginRuntime;

/**
 * config.yaml's {@code triggers: - point: <device>/<point>}: while the plugin runs, each change of the point runs it.
 * With an {@code input}, the point's value is put there first (for a reactive task that put is the run); without,
 * a triggered task runs one cycle and a job one run. BAD values (no value) run nothing.
 */
@Component(service = PluginListener.class, immediate = true)
public class PointTriggers implements PluginListener {

    private final DevicesComponent devices;
    private final PluginRuntime runtime;
    private final Logger log;
    private final Map<String, List<ListenerHandle>> byPlugin = new ConcurrentHashMap<>();

    @Activate
    public PointTriggers(@Reference DevicesComponent devices, @Reference PluginRuntime runtime, @Reference LoggerFactory loggers) {
        this.devices = devices;
        this.runtime = runtime;
        this.log = loggers.getLogger("devices");
        // listeners hear of plugins started from now on; those already running are followed here
        runtime.plugins().stream().filter(p -> p.phase() != PluginPhase.STOPPED).forEach(p -> follow(p.name()));
    }

    @Override
    public void pluginEvent(PluginEvent event) {
        switch (event.type()) {
            case STARTED -> follow(event.plugin());
            case STOPPED, REMOVED -> unfollow(event.plugin());
            default -> { }
        }
    }

    private synchronized void follow(String plugin) {
        unfollow(plugin);
        List<TriggerSpec> triggers = runtime.plugin(plugin).flatMap(p -> p.config()).map(c -> c.triggers()).orElse(List.of());
        List<ListenerHandle> handles = new ArrayList<>();
        for (TriggerSpec t : triggers) {
            if (TriggerSpec.POINT.equals(t.type())) {
                PointRef ref = PointRef.parse(t.source());
                handles.add(devices.cache().listen(ref, (r, v) -> fire(plugin, t, v)));
            }
        }
        if (!handles.isEmpty()) {
            byPlugin.put(plugin, handles);
            log.info(plugin + ": triggered by points " + triggers.stream().filter(t -> TriggerSpec.POINT.equals(t.type()))
                    .map(TriggerSpec::source).toList());
        }
    }

    private synchronized void unfollow(String plugin) {
        List<ListenerHandle> handles = byPlugin.remove(plugin);
        if (handles != null) {
            handles.forEach(ListenerHandle::close);
        }
    }

    private void fire(String plugin, TriggerSpec t, PointValue v) {
        if (v.value() == null) {
            return;
        }
        ManagedPlugin p = runtime.running(plugin).orElse(null);
        if (p == null) {
            return;
        }
        try {
            p.fire(t.input(), v.value()).whenComplete((r, e) -> {
                if (e != null) {
                    refuse(plugin, t, DeviceLoop.describe(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
                }
            });
        } catch (RuntimeException e) {
            refuse(plugin, t, DeviceLoop.describe(e));
        }
    }

    private void refuse(String plugin, TriggerSpec t, String why) {
        log.warn(plugin + ": trigger point " + t.source() + ": change not used: " + why);
    }

    @Deactivate
    void close() {
        List.copyOf(byPlugin.keySet()).forEach(this::unfollow);
    }
}
