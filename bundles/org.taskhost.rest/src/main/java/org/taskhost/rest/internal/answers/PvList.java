package org.taskhost.rest.internal.answers;

import java.util.List;

/**
 * @param pvs a running plugin's PVs
 * @param count how many
 */
public record PvList(List<PluginPv> pvs, int count) {

    public PvList(List<PluginPv> pvs) {
        this(pvs, pvs.size());
    }
}
