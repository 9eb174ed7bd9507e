package org.taskhost.api.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol driver, registered as an OSGi service with the property {@value #DRIVER_PROPERTY} naming it (for
 * example {@code bacnet}, {@code ble}, {@code virtual}). A device configured with that driver name is started when
 * the service appears and stopped (status {@link DeviceStatus#NO_DRIVER}) when it goes.
 *
 * <p>The devices bundle opens one {@link DriverSession} per enabled device and calls each session from one thread
 * at a time; sessions of different devices are used concurrently, so state shared between them (a BACnet driver's
 * single UDP port, a BLE adapter) must be thread-safe. The driver applies the device's
 * {@link DeviceConfig#timeout()} to each request and repeats a failed request {@link DeviceConfig#retries()} times.
 */
@ConsumerType
public interface Driver {

    /** The service property naming the driver, matched against {@link DeviceConfig#driver()}. */
    String DRIVER_PROPERTY = "driver";

    /**
     * Opens a session with one device. A driver without connections (BACnet/IP over its shared port) may return at
     * once; one with connections (BLE) connects here.
     *
     * @param device the device's configuration, with all its points
     * @param sink where the session pushes values it did not return from a read (COV notifications, GATT
     *        notifications) and reports a connection lost between calls; valid until the session is closed
     * @return the open session
     * @throws Exception if the device cannot be reached; the devices bundle marks the device ERROR with the
     *         exception's message and tries again at its next poll
     */
    DriverSession open(DeviceConfig device, PointSink sink) throws Exception;

    /**
     * Checks what only the driver understands: the device's address and options, each point's address, type and
     * options. Called before a device is stored; a device with problems is refused and nothing changes.
     *
     * @param device a device configuration whose common fields (ids, intervals, types) are already valid
     * @return the problems, each naming its field ({@code address}, {@code options.max_per_request},
     *         {@code points[2].address}, ...); empty if none
     */
    default List<DeviceProblem> validate(DeviceConfig device) {
        return List.of();
    }

    /**
     * Looks for devices (BACnet Who-Is/I-Am, a BLE scan).
     *
     * @param options driver-specific settings of the search (BACnet: {@code low}, {@code high} instance limits,
     *        {@code address} to ask one network or host; BLE: {@code name_prefix}); empty for the defaults
     * @param timeout how long to wait for answers
     * @return the devices that answered, in order of answer
     * @throws UnsupportedOperationException if the driver cannot discover (the default)
     * @throws Exception if the search could not be made
     */
    default List<DiscoveredDevice> discover(Map<String, String> options, Duration timeout) throws Exception {
        throw new UnsupportedOperationException("this driver does not discover devices");
    }
}
