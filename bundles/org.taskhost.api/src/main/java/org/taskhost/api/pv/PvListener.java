package org.taskhost.api.pv;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of new values of PVs. Registered as a service (the whiteboard), it hears every PV of every plugin on its own
 * thread, with values that come faster than it takes them coalesced to the newest. Added to one PV by plugin code
 * ({@link Pv#addListener}), it is called on the thread that set the value and must return quickly; one that throws
 * is logged and skipped.
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
