package org.taskhost.api.pv;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of new values of PVs, always on a thread of its own and in order, never on the thread that set the value:
 * registered as a service (the whiteboard), it hears every PV of every plugin; added to one PV
 * ({@link Pv#addListener}), it hears that PV. Values that come faster than it takes them are dropped, the oldest
 * first, beyond the newest 16 of each PV; one that throws is logged and keeps receiving.
 */
@ConsumerType
@FunctionalInterface
public interface PvListener {

    /**
     * @param pv the PV that changed
     * @param value its new value
     */
    void changed(Pv pv, PvValue value);
}
