package org.taskhost.api.pv;

import org.osgi.annotation.versioning.ConsumerType;

/** Told of every new value of a PV; called on the thread that set it, so it must return quickly. */
@ConsumerType
@FunctionalInterface
public interface PvListener {

    /**
     * @param pv the PV that changed
     * @param value its new value
     */
    void changed(Pv pv, PvValue value);
}
