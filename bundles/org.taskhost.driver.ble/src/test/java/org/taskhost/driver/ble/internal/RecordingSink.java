package org.taskhost.driver.ble.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointValue;

/** A PointSink that keeps what it gets, for tests; the devices bundle is the real one. */
final class RecordingSink implements PointSink {
    record Update(String pointId, PointValue value, long receivedNanos) {
    }

    final List<Update> updates = new CopyOnWriteArrayList<>();
    final List<String> lost = new CopyOnWriteArrayList<>();

    @Override
    public void update(String pointId, PointValue value) {
        updates.add(new Update(pointId, value, System.nanoTime()));
    }

    @Override
    public void lost(String reason) {
        lost.add(reason);
    }

    List<Update> of(String pointId) {
        return updates.stream().filter(u -> u.pointId().equals(pointId)).toList();
    }
}
