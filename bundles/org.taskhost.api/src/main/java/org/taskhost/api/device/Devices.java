package org.taskhost.api.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What plugins and views use to work with devices: the devices and their health, the cached value of a point,
 * writes and reads that go to the device, and change listeners. Registered as a service by the devices bundle; a
 * plugin gets it from {@code PluginContext.devices()}.
 *
 * <p>Unknown devices and points are refused with {@link IllegalArgumentException}; a device that refuses or does
 * not answer completes the returned stage with a {@link DeviceException}.
 */
@ProviderType
public interface Devices {

    /** @return every configured device, by id */
    List<Device> devices();

    /**
     * @param id a device id
     * @return the device, if configured
     */
    Optional<Device> device(String id);

    /**
     * The cached value, without asking the device.
     *
     * @param point a point
     * @return its latest value; a {@link Quality#BAD} value "not read yet" if it has none
     * @throws IllegalArgumentException if the device or point is not configured
     */
    PointValue value(PointRef point);

    /**
     * @param device a device id
     * @param point a point id of that device
     * @return its latest cached value, as {@link #value(PointRef)}
     * @throws IllegalArgumentException if the device or point is not configured
     */
    default PointValue value(String device, String point) {
        return value(new PointRef(device, point));
    }

    /**
     * Reads all points of a device now, out of its poll schedule; the values also go to the cache.
     *
     * @param device a device id
     * @return completes with the values by point id
     * @throws IllegalArgumentException if the device is not configured
     */
    CompletionStage<Map<String, PointValue>> readNow(String device);

    /**
     * Writes a point on the device, between its polls; the point is read back afterwards so the cache shows what
     * the device holds.
     *
     * @param point a writable point
     * @param value a value convertible to the point's type (a number, boolean or text; "on"/"off"/"true"/"false"
     *        for bool), or null to relinquish the command at the priority
     * @param priority 1 (highest) to 16, or null for the point's configured {@link Point#writePriority()}
     * @return completes when the device accepted the write
     * @throws IllegalArgumentException if the point is not configured or not writable, the value does not convert
     *         or the priority is out of range
     */
    CompletionStage<Void> write(PointRef point, Object value, Integer priority);

    /**
     * @param point the point to follow
     * @param listener told of its changes
     * @return closes the registration
     */
    ListenerHandle listen(PointRef point, PointListener listener);

    /**
     * @param device a device id
     * @param listener told of changes of each of the device's points
     * @return closes the registration
     */
    ListenerHandle listenDevice(String device, PointListener listener);

    /**
     * Asks a driver to look for devices.
     *
     * @param driver the driver's name
     * @param options driver-specific search settings, see {@link Driver#discover}
     * @param timeoutMillis how long to wait for answers
     * @return the devices found
     * @throws IllegalArgumentException if no driver of that name is registered
     * @throws UnsupportedOperationException if the driver cannot discover
     * @throws DeviceException if the search failed
     */
    List<DiscoveredDevice> discover(String driver, Map<String, String> options, long timeoutMillis);
}
