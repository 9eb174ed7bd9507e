package org.taskhost.runtime.internal.lifecycle;

import java.time.Duration;
import java.util.function.Consumer;

import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.runtime.internal.config.PluginDescriptor;

/**
 * What a runner needs besides the plugin instance.
 *
 * @param name the plugin name
 * @param pvPrefix {@code prefix:PLUGIN}, to which {@code :NAME} is added
 * @param descriptor the config.yaml with merged parameters
 * @param version shown in the VERSION PV
 * @param bundleId the plugin's bundle
 * @param clocks the shared scheduler of fixed-rate ticks and the watchdog
 * @param events where state changes go
 */
public record PluginSetup(String name, String pvPrefix, PluginDescriptor descriptor, String version, long bundleId,
        Clocks clocks, Consumer<PluginEvent> events) {

    Duration seconds(String parameter, double defaultSeconds) {
        Object v = descriptor.parameters().get(parameter);
        double s = v instanceof Number n ? n.doubleValue() : defaultSeconds;
        return Duration.ofNanos((long) (s * 1e9));
    }
}
