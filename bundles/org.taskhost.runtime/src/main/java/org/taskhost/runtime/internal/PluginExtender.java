package org.taskhost.runtime.internal;

import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.runtime.internal.autosave.Autosave;
import org.taskhost.runtime.internal.lifecycle.Clocks;
import org.taskhost.runtime.internal.log.PluginLog;
import org.taskhost.runtime.internal.pv.PvRegistryImpl;

/**
 * The extender: every ACTIVE bundle with a {@code Taskhost-Plugin} header becomes a running plugin, registered as a
 * {@link ManagedPlugin} service; when the bundle stops, the plugin is cleaned up and its PVs and service go.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.taskhost.api.runtime.PvRegistry")
@Component(immediate = true, configurationPid = "org.taskhost.runtime")
@Designate(ocd = RuntimeConfig.class)
public class PluginExtender {

    private static final System.Logger LOG = new PluginLog("taskhost");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<PluginListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfigurationAdmin configurationAdmin;

    private final PvRegistryImpl registry = new PvRegistryImpl();
    private final Clocks clocks = new Clocks();
    private final Map<String, Long> names = new ConcurrentHashMap<>();
    private final PluginFactory factory = new PluginFactory(clocks, this::publish);
    private final ServiceRegistration<PvRegistry> registryRegistration;
    private final BundleTracker<Tracked> tracker;
    private volatile Settings settings;
    private final BundleContext context;
    private final Autosave autosave;

    private record Tracked(ManagedPlugin plugin, ServiceRegistration<ManagedPlugin> registration) {
    }

    @Activate
    public PluginExtender(BundleContext context, RuntimeConfig config) {
        this.context = context;
        modified(config);
        autosave = new Autosave(settings.dataDir().resolve("autosave"));
        registryRegistration = context.registerService(PvRegistry.class, registry, null);
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new org.osgi.util.tracker.BundleTrackerCustomizer<>() {
            @Override
            public Tracked addingBundle(Bundle bundle, BundleEvent event) {
                return bundle.getHeaders().get(PluginFactory.PLUGIN_HEADER) == null ? null : add(bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
                // only ACTIVE matters: any other state removes the bundle
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
                remove(bundle, tracked);
            }
        });
        tracker.open();
        LOG.log(System.Logger.Level.INFO, "runtime ready, PV prefix " + settings.prefix() + ", data " + settings.dataDir());
    }

    @Modified
    void modified(RuntimeConfig config) {
        settings = Settings.resolve(System::getenv, context::getProperty, config);
        PluginLog.threshold(settings.logLevel());
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        registryRegistration.unregister();
        clocks.close();
        autosave.close();
    }

    private Tracked add(Bundle bundle) {
        String name = PluginFactory.nameOf(bundle);
        ManagedPlugin plugin;
        Long other = names.putIfAbsent(name, bundle.getBundleId());
        if (other != null) {
            plugin = new FailedPlugin(name + "-" + bundle.getBundleId(), bundle.getHeaders().get(PluginFactory.PLUGIN_HEADER),
                    bundle.getBundleId(), "plugin name " + name + " is already used by bundle " + other);
        } else {
            plugin = create(bundle, name);
        }
        if (plugin instanceof FailedPlugin) {
            LOG.log(System.Logger.Level.ERROR, "plugin " + plugin.name() + " failed: " + plugin.state().message());
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ManagedPlugin.NAME, plugin.name());
        props.put(ManagedPlugin.KIND, plugin.kind().name());
        ServiceRegistration<ManagedPlugin> registration = bundle.getBundleContext().registerService(ManagedPlugin.class, plugin, props);
        publish(new PluginEvent(plugin.name(), PluginEvent.Type.STARTED, plugin.state(), Instant.now()));
        return new Tracked(plugin, registration);
    }

    /** A plugin for the bundle, started; whatever goes wrong gives a plugin in ERROR that says what, never a lost bundle. */
    private ManagedPlugin create(Bundle bundle, String name) {
        String className = bundle.getHeaders().get(PluginFactory.PLUGIN_HEADER);
        ManagedPlugin plugin;
        try {
            plugin = factory.create(bundle, settings.prefix(), ParameterOverrides.of(configurationAdmin, name));
        } catch (RuntimeException e) {
            return new FailedPlugin(name, className, bundle.getBundleId(), "cannot create the plugin: " + e);
        }
        if (plugin instanceof org.taskhost.runtime.internal.lifecycle.Runner runner) {
            try {
                registry.addAll(name, runner.pvs());
                autosave.attach(runner, runner.pvs());
                runner.start();
            } catch (RuntimeException e) {
                registry.removeAll(runner.pvs());
                runner.stop();
                autosave.detach(name, runner.pvs());
                return new FailedPlugin(name, className, bundle.getBundleId(), e.getMessage());
            }
        }
        return plugin;
    }

    private void remove(Bundle bundle, Tracked tracked) {
        try {
            tracked.registration().unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle's context
        }
        if (tracked.plugin() instanceof org.taskhost.runtime.internal.lifecycle.Runner runner) {
            runner.stop();
            autosave.detach(runner.name(), runner.pvs());
            registry.removeAll(runner.pvs());
        }
        names.remove(tracked.plugin().name(), bundle.getBundleId());
    }

    private void publish(PluginEvent event) {
        for (PluginListener l : listeners) {
            try {
                l.pluginEvent(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "plugin listener " + l + " failed", e);
            }
        }
    }
}
