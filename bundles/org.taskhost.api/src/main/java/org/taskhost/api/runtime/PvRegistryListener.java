package org.taskhost.api.runtime;

import org.osgi.annotation.versioning.ConsumerType;
import org.taskhost.api.pv.Pv;

/**
 * Told when a plugin's PVs appear (it started) or disappear (it went away). Register it as a service (the
 * whiteboard): PVs present at registration are reported as added first.
 */
@ConsumerType
public interface PvRegistryListener {

    /** @param pv a PV that is now served */
    void added(Pv pv);

    /** @param pv a PV that is no longer served */
    void removed(Pv pv);
}
