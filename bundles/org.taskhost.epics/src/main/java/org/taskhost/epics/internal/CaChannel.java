package org.taskhost.epics.internal;

import java.util.function.Consumer;

import org.taskhost.api.pv.Pv;

import gov.aps.jca.cas.ProcessVariable;
import gov.aps.jca.cas.ServerChannel;

/**
 * One client's channel to a PV. Write access needs a writable PV that no link feeds, and a client the write allow-list
 * lets in. CAJ asks for it when the channel is created (so the client knows before it tries) and again on every write:
 * the client's part is decided once, so a flood of refused writes costs neither a search nor a log line each. The
 * address cannot change on a connection, and the user is the one claimed when the channel was created.
 */
final class CaChannel extends ServerChannel {

    private final Pv pv;
    private final String user;
    private final WriteGate gate;
    private final Consumer<CaChannel> destroyed;

    private volatile Boolean clientMayWrite;

    CaChannel(ProcessVariable served, Pv pv, int cid, int sid, String user, String host, WriteGate gate,
            Consumer<CaChannel> destroyed) {
        super(served, cid, sid, user, host);
        this.pv = pv;
        this.user = user;
        this.gate = gate;
        this.destroyed = destroyed;
    }

    @Override
    public boolean writeAccess() {
        if (!pv.spec().writable() || pv.spec().link() != null) {
            return false;
        }
        Boolean may = clientMayWrite;
        if (may == null) {
            may = gate.allows(this, user);
            clientMayWrite = may;
        }
        return may;
    }

    @Override
    public synchronized void destroy() {
        destroyed.accept(this);
        super.destroy();
    }
}
