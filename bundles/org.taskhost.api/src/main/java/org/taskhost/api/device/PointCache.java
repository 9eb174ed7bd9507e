package org.taskhost.api.device;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The current-value table: the latest value of every point of every device, with a short history per point (a
 * ring of the last {@link #historySize()} values, configurable) and listeners. Registered as a service by the
 * devices bundle.
 */
@ProviderType
public interface PointCache {

    /**
     * @param point a point
     * @return its latest value, empty if it has none yet (never read, or its device was removed)
     */
    Optional<PointValue> latest(PointRef point);

    /**
     * @param device a device id
     * @return the latest value of each of its points that has one, by point id
     */
    Map<String, PointValue> latest(String device);

    /**
     * @param point a point
     * @return its last values, oldest first, at most {@link #historySize()}; every value read or pushed is kept,
     *         changed or not
     */
    List<PointValue> history(PointRef point);

    /** @return how many values the history keeps per point */
    int historySize();

    /**
     * @param point the point to follow
     * @param listener told of its changes
     * @return closes the registration
     */
    ListenerHandle listen(PointRef point, PointListener listener);

    /**
     * @param listener told of changes of every point
     * @return closes the registration
     */
    ListenerHandle listenAll(PointListener listener);
}
