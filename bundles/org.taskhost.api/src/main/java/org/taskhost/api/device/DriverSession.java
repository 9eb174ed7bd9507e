package org.taskhost.api.device;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver's open session with one device, made by {@link Driver#open}. The devices bundle calls its methods from
 * one thread at a time, and closes it when the device is changed, disabled or removed, when the driver goes, or
 * after a device-level failure (it opens a new one at the next poll).
 */
@ConsumerType
public interface DriverSession extends AutoCloseable {

    /**
     * Reads a batch of points, as few requests as the protocol allows (BACnet: ReadPropertyMultiple up to the
     * device's {@code max_per_request}, falling back to ReadProperty).
     *
     * @param points the points to read, all of this session's device
     * @return a value for each point, by {@link Point#id()}; a point the device could not read (unknown object,
     *         property error, decoding failure) gets a {@link Quality#BAD} value with the reason, and a point left
     *         out of the map counts as BAD "no value"
     * @throws Exception if the device as a whole did not answer or the session is broken (timeout after the
     *         retries, connection lost); the device is marked ERROR
     */
    Map<String, PointValue> read(List<Point> points) throws Exception;

    /**
     * Writes one point.
     *
     * @param point a writable point of this session's device
     * @param value the value, of the point's {@link PointType} Java class; null relinquishes the point's command at
     *        the priority (BACnet writes NULL), for a driver that has priorities
     * @param priority 1 (highest) to 16, or null for the driver's default (BACnet: none, the device's own)
     * @throws UnsupportedOperationException if the driver cannot relinquish and the value is null
     * @throws Exception if the device refused the write (the message says why) or did not answer
     */
    void write(Point point, Object value, Integer priority) throws Exception;

    /**
     * Asks the device to push changes of these points (BACnet SubscribeCOV, kept renewed by the driver; BLE
     * notifications); pushed values go to the session's {@link PointSink}. Called once after the session is
     * opened, with the points configured with {@link Point#cov()}; those points are still polled.
     *
     * @param points the points to follow
     * @return the ids of the points now followed; empty (the default) if the driver pushes nothing
     * @throws Exception if subscribing failed for the device as a whole; the points are then only polled
     */
    default Set<String> subscribe(List<Point> points) throws Exception {
        return Set.of();
    }

    /** Ends the session: cancels subscriptions, closes connections. Must not throw. */
    @Override
    void close();
}
