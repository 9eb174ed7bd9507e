package org.taskhost.api.runtime;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.pv.Pv;

/** All PVs of all running plugins, by full name. A view such as the EPICS server serves what is here. */
@ProviderType
public interface PvRegistry {

    /** @return every PV, sorted by full name */
    List<Pv> all();

    /**
     * @param fullName {@code prefix:PLUGIN:NAME}
     * @return the PV, if a running plugin has it
     */
    Optional<Pv> find(String fullName);

    /**
     * @param listener told of PVs added and removed from now on; PVs present now are reported as added
     * @deprecated register the listener as a {@link PvRegistryListener} service instead (the whiteboard); this
     *             call delivers the same way, on the listener's own thread
     */
    @Deprecated
    void addListener(PvRegistryListener listener);

    /**
     * @param listener no longer told
     * @deprecated unregister the whiteboard service instead
     */
    @Deprecated
    void removeListener(PvRegistryListener listener);
}
