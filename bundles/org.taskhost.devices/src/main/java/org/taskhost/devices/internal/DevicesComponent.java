package org.taskhost.devices.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedServiceFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.Devices;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.PointCache;

/**
 * The devices bundle's core: registers the {@link Devices} service ({@link DeviceAccess}) and the {@link PointCache},
 * binds the drivers on the whiteboard, and registers the {@link ManagedServiceFactory} of PID {@code org.taskhost.device} through which Config Admin hands over every
 * stored device at start and every device changed in a {@code .cfg} file later. Changes made here (REST, shell) are
 * applied at once and stored; Config Admin's echo of them is then recognized and skipped.
 */
@Component(service = DevicesComponent.class, immediate = true, configurationPid = "org.taskhost.devices")
@Designate(ocd = DevicesConfig.class)
public class DevicesComponent {

    private final Logger log;
    private final Dispatcher dispatcher;
    private final PointCacheImpl cache;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("devices-ticks").daemon().factory());
    private final DeviceRegistry registry;
    private final DeviceAccess access;
    private final Map<String, AtomicInteger> ownWrites = new ConcurrentHashMap<>();
    private final Map<String, String> idsByPid = new ConcurrentHashMap<>();
    private final ServiceRegistration<?> devicesRegistration;
    private final ServiceRegistration<?> cacheRegistration;
    private final ServiceRegistration<?> factoryRegistration;

    @Activate
    public DevicesComponent(@Reference ConfigurationAdmin cm, @Reference LoggerFactory loggers, DevicesConfig config,
            BundleContext context) {
        this.log = loggers.getLogger("devices");
        this.dispatcher = new Dispatcher(log::warn);
        this.cache = new PointCacheImpl(config.historySize(), dispatcher);
        DeviceStore store = new DeviceStore(cm);
        this.registry = new DeviceRegistry(cache, new DeviceRegistry.Store() {
            @Override
            public void save(DeviceConfig c) throws IOException {
                own(c.id(), () -> store.save(c));
            }

            @Override
            public void delete(String id) throws IOException {
                own(id, () -> store.delete(id));
            }
        }, ticks, log::info);
        this.access = new DeviceAccess(registry, cache);
        this.devicesRegistration = context.registerService(Devices.class, access, null);
        this.cacheRegistration = context.registerService(PointCache.class, cache, null);
        java.util.Hashtable<String, Object> props = new java.util.Hashtable<>();
        props.put(org.osgi.framework.Constants.SERVICE_PID, DeviceStore.FACTORY_PID);
        this.factoryRegistration = context.registerService(ManagedServiceFactory.class, new Configs(), props);
    }

    /** A write of our own, counted before it is made so Config Admin's echo of it is known, uncounted if it fails. */
    private void own(String id, StoreWrite write) throws IOException {
        AtomicInteger count = ownWrites.computeIfAbsent(id, k -> new AtomicInteger());
        count.incrementAndGet();
        try {
            write.run();
        } catch (IOException | RuntimeException e) {
            count.decrementAndGet();
            throw e;
        }
    }

    @FunctionalInterface
    private interface StoreWrite {
        void run() throws IOException;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDriver(Driver driver, Map<String, Object> props) {
        registry.driverAdded(String.valueOf(props.get(Driver.DRIVER_PROPERTY)), driver);
    }

    void removeDriver(Driver driver, Map<String, Object> props) {
        registry.driverRemoved(String.valueOf(props.get(Driver.DRIVER_PROPERTY)), driver);
    }

    /** Config Admin's view of the devices: every stored one at start, and later changes of {@code .cfg} files. */
    private final class Configs implements ManagedServiceFactory {

        @Override
        public String getName() {
            return "taskhost devices";
        }

        @Override
        public void updated(String pid, Dictionary<String, ?> properties) {
            Map<String, Object> definition;
            DeviceConfig config;
            try {
                definition = DeviceStore.definition(properties);
                if (pid.contains("~")) {
                    String name = pid.substring(pid.indexOf('~') + 1);
                    Object id = definition.putIfAbsent("id", name);
                    if (id != null && !name.equals(id)) {
                        throw new InvalidDeviceException(List.of(new DeviceProblem("id",
                                "'" + id + "' differs from the configuration's name '" + name + "' (org.taskhost.device-" + name + ".cfg)")));
                    }
                }
                config = DeviceParser.parse(definition);
            } catch (InvalidDeviceException e) {
                log.error("device configuration " + pid + " ignored: " + e.getMessage());
                return;
            }
            idsByPid.put(pid, config.id());
            if (!echo(config.id())) {
                registry.apply(config);
            }
        }

        @Override
        public void deleted(String pid) {
            String id = idsByPid.remove(pid);
            if (id != null && !echo(id)) {
                registry.forget(id);
            }
        }

        /** Whether this callback reports a write made here, which is applied already. */
        private boolean echo(String id) {
            AtomicInteger n = ownWrites.get(id);
            return n != null && n.getAndUpdate(v -> v > 0 ? v - 1 : 0) > 0;
        }
    }

    DeviceRegistry registry() {
        return registry;
    }

    /** @return the {@link Devices} service */
    DeviceAccess access() {
        return access;
    }

    PointCacheImpl cache() {
        return cache;
    }

    @Deactivate
    void deactivate() {
        factoryRegistration.unregister();
        cacheRegistration.unregister();
        devicesRegistration.unregister();
        registry.close();
        ticks.shutdownNow();
        dispatcher.close();
    }
}
