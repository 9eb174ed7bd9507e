package org.taskhost.driver.bacnet.internal;

import java.net.InetSocketAddress;
import java.util.Map;

/** A change-of-value notification: the monitored object's new property values, by property number. */
public record CovNotification(InetSocketAddress from, long processId, int deviceInstance, ObjectId object,
        long timeRemaining, Map<Integer, Object> values) {
}
