package org.taskhost.epics.internal;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvValue;

import com.cosylab.epics.caj.cas.handlers.AbstractCASResponseHandler;

import gov.aps.jca.CAException;
import gov.aps.jca.CAStatus;
import gov.aps.jca.dbr.DBR;
import gov.aps.jca.dbr.DBRType;
import gov.aps.jca.Monitor;
import gov.aps.jca.cas.ProcessVariable;
import gov.aps.jca.cas.ProcessVariableEventCallback;
import gov.aps.jca.cas.ProcessVariableReadCallback;
import gov.aps.jca.cas.ProcessVariableWriteCallback;
import gov.aps.jca.cas.ServerChannel;

/**
 * One taskhost PV as a Channel Access process variable. Reads answer from the PV's current value; writes go through
 * {@link Pv#put}, so they are checked and reach the plugin on its own executor; a write with callback completes when
 * the plugin has handled it. Whether a client may write at all is its {@link CaChannel}'s to say.
 */
final class CaPv extends ProcessVariable implements PvListener {

    private final Pv pv;
    private final Logger log;
    private final WriteGate gate;
    private final List<ServerChannel> channels = new CopyOnWriteArrayList<>();

    private volatile PvValue lastPosted;

    CaPv(Pv pv, WriteGate gate, Logger log) {
        super(pv.fullName(), null);
        this.pv = pv;
        this.gate = gate;
        this.log = log;
    }

    Pv pv() {
        return pv;
    }

    /** @return whether this serves that PV instance (a value queued before a reload belongs to the old one) */
    boolean serves(Pv other) {
        return pv == other;
    }

    @Override
    public DBRType getType() {
        return Dbrs.nativeType(pv.spec());
    }

    @Override
    public String[] getEnumLabels() {
        return pv.spec().labels().toArray(String[]::new);
    }

    @Override
    public int getMaxDimension() {
        return pv.spec().length() > 1 ? 1 : 0;
    }

    @Override
    public int getDimensionSize(int dimension) {
        return dimension == 0 ? Dbrs.elementCount(pv.spec()) : 0;
    }

    @Override
    public ServerChannel createChannel(int cid, int sid, String user, String host) throws CAException {
        CaChannel channel = new CaChannel(this, pv, cid, sid, user, host, gate, channels::remove);
        channels.add(channel);
        return channel;
    }

    /** @return the channels clients have open on this PV now */
    List<ServerChannel> channels() {
        return List.copyOf(channels);
    }

    @Override
    public CAStatus read(DBR value, ProcessVariableReadCallback callback) {
        Dbrs.fill(value, pv.spec(), pv.value());
        return CAStatus.NORMAL;
    }

    @Override
    public CAStatus write(DBR value, ProcessVariableWriteCallback callback) {
        CompletionStage<Void> handled;
        try {
            handled = pv.put(Dbrs.written(value, pv.spec()));
        } catch (PutRejectedException | IllegalStateException e) {
            // the client hears of it (PUTFAIL): a refused put is no news for the log
            log.debug("CA put refused: " + e.getMessage());
            return CAStatus.PUTFAIL;
        }
        var future = handled.toCompletableFuture();
        if (future.isDone() && !future.isCompletedExceptionally()) {
            return CAStatus.NORMAL;
        }
        handled.whenComplete((ok, failure) -> {
            if (failure != null) {
                log.debug("CA put to " + getName() + " failed: " + failure.getMessage());
            }
            callback.processVariableWriteCompleted(failure == null ? CAStatus.NORMAL : CAStatus.PUTFAIL);
        });
        return null;
    }

    /** Every new value goes to the monitors, as one CTRL-level DBR each converts to what its client asked for. */
    @Override
    public void changed(Pv source, PvValue value) {
        ProcessVariableEventCallback events = eventCallback;
        if (!interest || events == null) {
            return;
        }
        DBR dbr = AbstractCASResponseHandler.createDBRforReading(this);
        Dbrs.fill(dbr, pv.spec(), value);
        PvValue last = lastPosted;
        lastPosted = value;
        boolean alarmChanged = last == null || last.severity() != value.severity()
                || !java.util.Objects.equals(last.alarmStatus(), value.alarmStatus());
        events.postEvent(Monitor.VALUE | Monitor.LOG | (alarmChanged ? Monitor.ALARM : 0), dbr);
    }
}
