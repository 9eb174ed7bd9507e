/**
 * Devices and their points: the {@link org.taskhost.api.device.Driver} SPI that a protocol driver (BACnet/IP, BLE,
 * the built-in {@code virtual} driver) registers as a service, the configuration of a device and its points, the
 * values read from them with their quality, the {@link org.taskhost.api.device.PointCache} of latest values, and
 * the {@link org.taskhost.api.device.Devices} facade that plugins and views use to read, write and follow points.
 *
 * <p>A device-level failure (no answer, connection refused) is an exception from the driver; a failure of one
 * point (unknown object, property error) is a {@link org.taskhost.api.device.PointValue} of quality
 * {@link org.taskhost.api.device.Quality#BAD} with the reason, so the device's other points stay good.
 */
@Export
@Version("1.0.0")
package org.taskhost.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
