package org.taskhost.runtime.internal.lifecycle;

import java.util.function.Consumer;

import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.devices.DevicesHub;
import org.taskhost.runtime.internal.messaging.MessagingHub;

/**
 * What a runner needs besides the plugin instance.
 *
 * @param name the plugin name
 * @param pvPrefix {@code prefix:PLUGIN}, to which {@code :NAME} is added
 * @param descriptor the config.yaml with merged parameters
 * @param version shown in the VERSION PV
 * @param bundleId the plugin's bundle
 * @param clocks the shared scheduler of fixed-rate ticks and the watchdog
 * @param events where state changes go (the views' queues: never waits for a view)
 * @param values where every PV value goes (the views' queues)
 * @param messaging the broker service that {@code PluginContext.messaging()} goes through
 * @param devices the devices service that {@code PluginContext.devices()} goes through
 */
public record PluginSetup(String name, String pvPrefix, PluginDescriptor descriptor, String version, long bundleId,
        Clocks clocks, Consumer<PluginEvent> events, PvListener values, MessagingHub messaging, DevicesHub devices) {

    /** A setup whose plugin has no devices. */
    public PluginSetup(String name, String pvPrefix, PluginDescriptor descriptor, String version, long bundleId,
            Clocks clocks, Consumer<PluginEvent> events, PvListener values, MessagingHub messaging) {
        this(name, pvPrefix, descriptor, version, bundleId, clocks, events, values, messaging, new DevicesHub());
    }

    /** A setup whose plugin has no broker. */
    public PluginSetup(String name, String pvPrefix, PluginDescriptor descriptor, String version, long bundleId,
            Clocks clocks, Consumer<PluginEvent> events, PvListener values) {
        this(name, pvPrefix, descriptor, version, bundleId, clocks, events, values, new MessagingHub());
    }

    /** A setup whose PV values no view hears of. */
    public PluginSetup(String name, String pvPrefix, PluginDescriptor descriptor, String version, long bundleId,
            Clocks clocks, Consumer<PluginEvent> events) {
        this(name, pvPrefix, descriptor, version, bundleId, clocks, events, (pv, value) -> { });
    }
}
