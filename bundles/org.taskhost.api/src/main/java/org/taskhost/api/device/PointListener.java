package org.taskhost.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of a point's new value: a change of value, quality or reason (a read that gives the same value again is not
 * a change). Called on a thread of the devices bundle, never a driver's; one that throws is logged and skipped.
 */
@ConsumerType
@FunctionalInterface
public interface PointListener {

    /**
     * @param point the point that changed
     * @param value its new value
     */
    void changed(PointRef point, PointValue value);
}
