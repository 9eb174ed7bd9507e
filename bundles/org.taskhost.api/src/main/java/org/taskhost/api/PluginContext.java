package org.taskhost.api;

import java.lang.System.Logger;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.device.Devices;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.pv.Pv;

/**
 * What the runtime gives a running plugin: its name, parameters, PVs and logger.
 * The runtime implements it and hands it to the plugin before {@code initialize()}.
 */
@ProviderType
public interface PluginContext {

    /** @return the plugin's name, unique in this taskhost */
    String name();

    /** @return the merged parameters: config.yaml defaults overridden by the user's values */
    Parameters parameters();

    /**
     * @param name a PV's short name as written in config.yaml, for example {@code READING}
     * @return the PV handle
     * @throws IllegalArgumentException if the plugin has no PV of that name
     */
    Pv pv(String name);

    /** @return a logger whose lines also show in {@code taskhost:log <name>} */
    Logger logger();

    /**
     * Sets the plugin's MESSAGE, which operators see beside STATUS.
     *
     * @param message a short text; longer than 39 characters is cut for EPICS clients
     */
    void setMessage(String message);

    /**
     * The broker taskhost is connected to (MQTT, when {@code TASKHOST_MQTT_URL} is set). Subscriptions are closed when
     * the plugin stops, made again when the broker comes back, and their handlers run on the plugin's own thread, one
     * at a time with {@code execute()} and {@code onPut()}. Without a broker, a publish fails with
     * {@link IllegalStateException} and subscriptions wait for one.
     *
     * @return this plugin's messaging
     * @since 1.1
     */
    Messaging messaging();

    /**
     * The devices and their points: read a point's cached value, write it (with a priority), be told of its changes.
     * Listeners registered here run on the plugin's own thread, one at a time with {@code execute()} and
     * {@code onPut()}, and are closed when the plugin stops. Without the devices bundle every call fails with
     * {@link IllegalStateException}, listeners excepted: they wait for it.
     *
     * @return this plugin's view of the devices
     * @since 1.1
     */
    Devices devices();
}
