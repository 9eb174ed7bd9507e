package org.taskhost.api.device;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a driver session pushes what happens between calls. The devices bundle implements it; a driver may call it
 * from any thread, and each call returns quickly.
 */
@ProviderType
public interface PointSink {

    /**
     * A value the device pushed (a COV or GATT notification).
     *
     * @param pointId the point's {@link Point#id()}
     * @param value its value
     */
    void update(String pointId, PointValue value);

    /**
     * The session broke between calls (a BLE disconnect, a subscription that could not be renewed). The devices
     * bundle marks the device ERROR with the reason, closes the session and opens a new one at the next poll.
     *
     * @param reason what happened, for people
     */
    void lost(String reason);
}
