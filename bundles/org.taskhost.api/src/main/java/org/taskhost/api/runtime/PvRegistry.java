package org.taskhost.api.runtime;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.taskhost.api.pv.Pv;

/**
 * All PVs of all running plugins, by full name. A view such as the EPICS server serves what is here; it hears of PVs
 * added and removed by registering a {@link PvRegistryListener} service (the whiteboard).
 */
@ProviderType
public interface PvRegistry {

    /** @return every PV, sorted by full name */
    List<Pv> all();

    /**
     * @param fullName {@code prefix:PLUGIN:NAME}
     * @return the PV, if a running plugin has it
     */
    Optional<Pv> find(String fullName);
}
