package org.taskhost.runtime.internal.pv;

import java.util.concurrent.CompletionStage;

/** The owner of a PV: takes a client's validated put and hands it to the plugin. */
@FunctionalInterface
public interface PutHandler {

    /**
     * @param pv the PV written
     * @param value the value, already converted and checked against the drive limits
     * @return completes when the plugin has handled the put
     */
    CompletionStage<Void> put(PvImpl pv, Object value);
}
