package org.taskhost.runtime.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.taskhost.api.handoff.Handoff;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.device.Devices;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.api.runtime.PvRegistry;
import org.taskhost.api.runtime.PvRegistryListener;
import org.taskhost.runtime.internal.autosave.Autosave;
import org.taskhost.runtime.internal.lifecycle.Clocks;
import org.taskhost.runtime.internal.lifecycle.Runner;
import org.taskhost.runtime.internal.devices.DevicesHub;
import org.taskhost.runtime.internal.messaging.MessagingHub;
import org.taskhost.runtime.internal.log.PluginLinesAppender;
import org.taskhost.runtime.internal.log.PluginLog;
import org.taskhost.runtime.internal.pv.PvRegistryImpl;
import org.taskhost.runtime.internal.views.ViewListeners;

/**
 * The extender and the model: every installed bundle with a {@code Taskhost-Plugin} header is a plugin of the
 * {@link PluginRuntime}; while the bundle is active it runs, registered as a {@link ManagedPlugin} service, and when
 * the bundle stops its cleanup runs and its PVs and service go. Views hear of it through the whiteboard listeners.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=org.taskhost.api.runtime.PvRegistry")
@Component(immediate = true, configurationPid = "org.taskhost.runtime", service = PluginRuntime.class)
@Designate(ocd = RuntimeConfig.class)
public class PluginExtender implements PluginRuntime {

    private static final System.Logger LOG = new PluginLog("taskhost");
    private static final int MASK = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;
    /** Keeps the plugins' last lines for taskhost:log and the REST logs; null without Logback (outside the launch). */
    private final PluginLinesAppender lines;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfigurationAdmin configurationAdmin;

    private final ViewListeners views = new ViewListeners();
    private final PvRegistryImpl registry = new PvRegistryImpl(views);
    private final Clocks clocks = new Clocks();
    private final Map<String, Long> names = new ConcurrentHashMap<>();
    private final Map<Long, PluginEntry> entries = new ConcurrentHashMap<>();
    private final MessagingHub messaging = new MessagingHub();
    private final DevicesHub devices = new DevicesHub();
    private final PluginFactory factory = new PluginFactory(clocks, views::pluginEvent, views::changed, messaging, devices);
    private final PluginStarter starter = new PluginStarter();
    private final ServiceRegistration<PvRegistry> registryRegistration;
    private final BundleTracker<PluginEntry> tracker;
    private volatile Settings settings;
    private final BundleContext context;
    private final Autosave autosave;

    @Activate
    public PluginExtender(BundleContext context, RuntimeConfig config) {
        this.context = context;
        lines = PluginLinesAppender.attach();
        modified(config);
        autosave = new Autosave(settings.dataDir().resolve("autosave"));
        registryRegistration = context.registerService(PvRegistry.class, registry, null);
        tracker = new BundleTracker<>(context, MASK, new Customizer());
        tracker.open();
        LOG.log(System.Logger.Level.INFO, "runtime ready, PV prefix " + settings.prefix() + ", data " + settings.dataDir());
    }

    @Modified
    void modified(RuntimeConfig config) {
        settings = Settings.resolve(context::getProperty, config);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
        if (lines != null) {
            lines.detach();
        }
        registryRegistration.unregister();
        clocks.close();
        autosave.close();
        views.close();
    }

    /*
     * The whiteboard's listeners are bound by reference and got on their own queue's thread at their first event: a
     * view that references the PluginRuntime would otherwise be activated while this component binds it.
     */
    @Reference(service = PluginListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPluginListener(ServiceReference<PluginListener> ref) {
        views.add(ref, nameOf(ref), () -> context.getService(ref), () -> context.ungetService(ref));
    }

    void removePluginListener(ServiceReference<PluginListener> ref) {
        views.remove(ref);
    }

    /* The broker behind PluginContext.messaging(), bound like the listeners: by reference, got at first use. */
    @Reference(service = Messaging.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMessaging(ServiceReference<Messaging> ref) {
        messaging.bind(() -> context.getService(ref));
    }

    void unbindMessaging(ServiceReference<Messaging> ref) {
        messaging.bind(null);
        context.ungetService(ref);
    }

    /* The devices behind PluginContext.devices(), bound like the broker: the devices bundle needs the runtime. */
    @Reference(service = Devices.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDevices(ServiceReference<Devices> ref) {
        devices.bind(() -> context.getService(ref));
    }

    void unbindDevices(ServiceReference<Devices> ref) {
        devices.bind(null);
        context.ungetService(ref);
    }

    @Reference(service = PvRegistryListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPvRegistryListener(ServiceReference<PvRegistryListener> ref) {
        registry.register(ref, nameOf(ref), () -> context.getService(ref), () -> context.ungetService(ref));
    }

    void removePvRegistryListener(ServiceReference<PvRegistryListener> ref) {
        registry.unregister(ref);
    }

    @Reference(service = PvListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPvListener(ServiceReference<PvListener> ref) {
        views.addValueListener(ref, nameOf(ref), () -> context.getService(ref), () -> context.ungetService(ref));
    }

    void removePvListener(ServiceReference<PvListener> ref) {
        views.remove(ref);
    }

    private static String nameOf(ServiceReference<?> ref) {
        Object component = ref.getProperty("component.name");
        return (component != null ? component : "service " + ref.getProperty("service.id")) + " of bundle "
                + ref.getBundle().getSymbolicName();
    }

    @Override
    public Map<String, Handoff.Counts> viewDeliveries() {
        return views.counts();
    }

    @Override
    public List<PluginInfo> plugins() {
        return entries.values().stream().filter(e -> e.bundle.getState() != Bundle.UNINSTALLED).map(this::info)
                .sorted(Comparator.comparing(PluginInfo::name)).toList();
    }

    @Override
    public Optional<PluginInfo> plugin(String name) {
        return entry(name).map(this::info);
    }

    @Override
    public Optional<ManagedPlugin> running(String name) {
        return entry(name).flatMap(PluginEntry::plugin);
    }

    @Override
    public PluginInfo start(String name) {
        PluginEntry e = starter.start(entry(name).orElseThrow(() -> PluginStarter.notFound(name)));
        return info(e);
    }

    @Override
    public PluginInfo stop(String name) {
        PluginEntry e = starter.stop(entry(name).orElseThrow(() -> PluginStarter.notFound(name)));
        return info(e);
    }

    private Optional<PluginEntry> entry(String name) {
        Long id = names.get(name);
        if (id != null) {
            return Optional.ofNullable(entries.get(id));
        }
        return entries.values().stream().filter(e -> !e.name.equals(name) && nameOf(e).equals(name)).findFirst();
    }

    /**
     * A bundle whose plugin name another bundle has is listed under {@code name-bundleId}, in ERROR, so that the lists
     * (REST, shell, web page) show why it does not run; the name leads to the first bundle.
     */
    private String nameOf(PluginEntry e) {
        Long owner = names.get(e.name);
        return owner != null && owner == e.bundle.getBundleId() ? e.name : e.name + "-" + e.bundle.getBundleId();
    }

    private PluginInfo info(PluginEntry e) {
        return e.info(nameOf(e), settings.prefix(), () -> ParameterOverrides.of(configurationAdmin, e.name));
    }

    private final class Customizer implements BundleTrackerCustomizer<PluginEntry> {
        @Override
        public PluginEntry addingBundle(Bundle bundle, BundleEvent event) {
            if (bundle.getHeaders().get(PluginFactory.PLUGIN_HEADER) == null) {
                return null;
            }
            String name = PluginFactory.nameOf(bundle);
            PluginEntry e = new PluginEntry(bundle, name);
            entries.put(bundle.getBundleId(), e);
            names.putIfAbsent(name, bundle.getBundleId());
            if (bundle.getState() == Bundle.ACTIVE) {
                activate(e);
            }
            return e;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, PluginEntry e) {
            if (event != null && event.getType() == BundleEvent.UPDATED) {
                e.updated();
            }
            if (bundle.getState() == Bundle.ACTIVE && e.plugin().isEmpty()) {
                activate(e);
            } else if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
                deactivate(e);
            }
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, PluginEntry e) {
            deactivate(e);
            PluginState last = info(e).state();
            entries.remove(bundle.getBundleId());
            if (names.remove(e.name, bundle.getBundleId())) {
                views.pluginEvent(new PluginEvent(e.name, PluginEvent.Type.REMOVED, last, Instant.now()));
            }
        }
    }

    private void activate(PluginEntry e) {
        Bundle bundle = e.bundle;
        ManagedPlugin plugin;
        if (!e.name.equals(nameOf(e))) {
            plugin = new FailedPlugin(nameOf(e), bundle.getHeaders().get(PluginFactory.PLUGIN_HEADER), bundle.getBundleId(),
                    "plugin name " + e.name + " is already used by bundle " + names.get(e.name));
        } else {
            plugin = create(bundle, e.name);
        }
        if (plugin instanceof FailedPlugin) {
            LOG.log(System.Logger.Level.ERROR, "plugin " + plugin.name() + " failed: " + plugin.state().message());
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ManagedPlugin.NAME, plugin.name());
        props.put(ManagedPlugin.KIND, plugin.kind().name());
        e.created(plugin, bundle.getBundleContext().registerService(ManagedPlugin.class, plugin, props));
        if (plugin instanceof Runner runner) {
            // its state read under the lock that orders its own events: initialize() may already be changing it
            runner.announce(PluginEvent.Type.STARTED);
        } else {
            views.pluginEvent(new PluginEvent(plugin.name(), PluginEvent.Type.STARTED, plugin.state(), Instant.now()));
        }
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
        if (plugin instanceof Runner runner) {
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

    private void deactivate(PluginEntry e) {
        e.updated();
        e.forget().ifPresent(plugin -> {
            if (plugin instanceof Runner runner) {
                runner.stop();
                autosave.detach(runner.name(), runner.pvs());
                registry.removeAll(runner.pvs());
            } else {
                views.pluginEvent(new PluginEvent(plugin.name(), PluginEvent.Type.STOPPED, plugin.state(), Instant.now()));
            }
        });
    }
}
