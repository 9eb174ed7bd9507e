package org.taskhost.epics.internal;

import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvType;

import gov.aps.jca.CAException;
import gov.aps.jca.Channel;
import gov.aps.jca.Context;
import gov.aps.jca.Monitor;
import gov.aps.jca.dbr.DBR;
import gov.aps.jca.dbr.DBRType;
import gov.aps.jca.dbr.DBR_Double;
import gov.aps.jca.dbr.DBR_String;
import gov.aps.jca.event.ConnectionEvent;
import gov.aps.jca.event.ConnectionListener;
import gov.aps.jca.event.GetEvent;
import gov.aps.jca.event.GetListener;
import gov.aps.jca.event.MonitorEvent;
import gov.aps.jca.event.MonitorListener;

/**
 * Follows the external PV of one linked input through the CAJ client: by monitor or by a read every poll period.
 * Each value goes to the input with {@link Pv#follow}; the link's state goes to {@code <INPUT>_CONN} (the runtime
 * turns a drop into the plugin's MESSAGE).
 */
final class LinkFollower implements ConnectionListener, MonitorListener, GetListener {

    private final Pv input;
    private final PvLink link;
    private final Function<String, Optional<Pv>> find;
    private final ScheduledExecutorService poller;
    private final Channel channel;
    private final Logger log;
    private volatile boolean connected;
    private volatile boolean monitoring;
    private volatile ScheduledFuture<?> polling;

    /** @param find looks up a served PV by full name: the input's state PV */
    LinkFollower(Context client, Pv input, Function<String, Optional<Pv>> find, ScheduledExecutorService poller, Logger log)
            throws CAException {
        this.log = log;
        this.input = input;
        this.link = input.spec().link();
        this.find = find;
        this.poller = poller;
        this.channel = client.createChannel(link.target(), this);
        client.flushIO();
    }

    @Override
    public void connectionChanged(ConnectionEvent event) {
        connected = event.isConnected();
        state().ifPresent(pv -> pv.set(connected ? 1 : 0));
        if (!connected) {
            log.warn(input.fullName() + ": link to " + link.target() + " lost");
            return;
        }
        log.info(input.fullName() + ": link to " + link.target() + " connected");
        try {
            if (link.mode() == PvLink.Mode.MONITOR && !monitoring) {
                monitoring = true;
                channel.addMonitor(type(), count(), Monitor.VALUE | Monitor.ALARM, this);
            } else if (link.mode() == PvLink.Mode.POLL && polling == null) {
                long period = Math.max(1, (long) (link.pollSeconds() * 1000));
                polling = poller.scheduleAtFixedRate(this::poll, 0, period, TimeUnit.MILLISECONDS);
            }
            channel.getContext().flushIO();
        } catch (CAException | IllegalStateException e) {
            log.warn(input.fullName() + ": cannot read " + link.target() + ": " + e.getMessage());
        }
    }

    private void poll() {
        if (!connected) {
            return;
        }
        try {
            channel.get(type(), count(), this);
            channel.getContext().flushIO();
        } catch (CAException | IllegalStateException e) {
            log.debug(input.fullName() + ": poll of " + link.target() + " failed: " + e.getMessage());
        }
    }

    @Override
    public void monitorChanged(MonitorEvent event) {
        if (event.getStatus().isSuccessful()) {
            take(event.getDBR());
        }
    }

    @Override
    public void getCompleted(GetEvent event) {
        if (event.getStatus().isSuccessful()) {
            take(event.getDBR());
        }
    }

    private void take(DBR dbr) {
        Object value;
        if (dbr instanceof DBR_String s) {
            value = s.getStringValue()[0];
        } else {
            double[] d = ((DBR_Double) dbr).getDoubleValue();
            value = input.spec().type() == PvType.WAVEFORM ? d : (Object) d[0];
        }
        try {
            input.follow(value);
        } catch (PutRejectedException e) {
            log.warn(e.getMessage());
        }
    }

    /** @return the input's state PV, {@code <INPUT>_CONN} of the same plugin */
    private Optional<Pv> state() {
        String full = input.fullName();
        return find.apply(full.substring(0, full.length() - input.name().length()) + PvLink.connectionPv(input.name()));
    }

    private DBRType type() {
        return input.spec().type() == PvType.STRING ? DBRType.STRING : DBRType.DOUBLE;
    }

    private int count() {
        return input.spec().type() == PvType.WAVEFORM ? Math.min(channel.getElementCount(), input.spec().length()) : 1;
    }

    void close() {
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
        try {
            channel.destroy();
        } catch (CAException | IllegalStateException e) {
            log.debug("closing the link to " + link.target() + ": " + e.getMessage());
        }
    }
}
