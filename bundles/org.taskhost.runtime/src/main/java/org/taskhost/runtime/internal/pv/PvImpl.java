package org.taskhost.runtime.internal.pv;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.taskhost.api.handoff.Handoff;
import org.taskhost.api.pv.AlarmSeverity;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;
import org.taskhost.api.pv.PvValue;

/**
 * A PV of one plugin: its current value, listeners, and the checks a client's put must pass. Each listener added to
 * it gets the values through a {@link Handoff} of its own, on its own thread: the thread that sets a value (the
 * plugin's, a client's put holding the runner's lock) only hands it over, and a slow listener loses its own oldest
 * values, never delays the setter or another listener.
 */
public final class PvImpl implements Pv {

    /** The values that wait for one slow listener, the oldest dropped beyond: as many as a view keeps of one PV. */
    static final int LISTENER_BACKLOG = 16;
    private static final System.Logger LOG = new org.taskhost.runtime.internal.log.PluginLog("pv");

    private final PvSpec spec;
    private final String fullName;
    private final PutHandler owner;
    private final PvListener views;
    private final Map<PvListener, Handoff<PvValue>> listeners = new ConcurrentHashMap<>();
    private volatile PvValue current;
    private volatile boolean closed;

    /** A PV that no view hears of, for tests and for PVs outside the runtime. */
    public PvImpl(PvSpec spec, String fullName, PutHandler owner) {
        this(spec, fullName, owner, (pv, value) -> { });
    }

    /**
     * @param spec the definition
     * @param fullName the served name
     * @param owner takes validated puts
     * @param views told of every value, without waiting (the whiteboard's listeners)
     */
    public PvImpl(PvSpec spec, String fullName, PutHandler owner, PvListener views) {
        this.spec = spec;
        this.fullName = fullName;
        this.owner = owner;
        this.views = views;
        this.current = Alarms.stamp(spec, spec.initial() == null ? Values.zero(spec) : Values.coerce(spec, spec.initial()),
                AlarmSeverity.NO_ALARM);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String fullName() {
        return fullName;
    }

    @Override
    public PvSpec spec() {
        return spec;
    }

    @Override
    public PvValue value() {
        return current;
    }

    @Override
    public double getDouble() {
        Object v = current.value();
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof double[] d) {
            return d.length == 0 ? Double.NaN : d[0];
        }
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public void set(Object value) {
        set(value, AlarmSeverity.NO_ALARM);
    }

    @Override
    public void set(Object value, AlarmSeverity severity) {
        Object v = value;
        if (spec.type() == PvType.STRING && v instanceof String s && s.length() > Values.MAX_STRING - 1) {
            v = s.substring(0, Values.MAX_STRING - 1);
        }
        try {
            update(Values.coerce(spec, v), severity);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PV " + fullName + ": " + e.getMessage(), e);
        }
    }

    /** Sets an already converted value and hands it to the listeners, without waiting for them. */
    void update(Object converted, AlarmSeverity severity) {
        PvValue next = Alarms.stamp(spec, converted, severity);
        current = next;
        listeners.values().forEach(h -> h.offer(next));
        views.changed(this, next);
    }

    @Override
    public CompletionStage<Void> put(Object value) {
        if (!spec.writable()) {
            throw new PutRejectedException("PV " + fullName + " is read-only");
        }
        if (spec.link() != null) {
            throw new PutRejectedException("PV " + fullName + " follows " + spec.link().target() + " and takes no puts");
        }
        Object converted;
        try {
            converted = Values.coerce(spec, value);
        } catch (IllegalArgumentException e) {
            throw new PutRejectedException("PV " + fullName + ": " + e.getMessage());
        }
        if (converted instanceof Number n) {
            double d = n.doubleValue();
            if (spec.driveLow() != null && d < spec.driveLow() || spec.driveHigh() != null && d > spec.driveHigh()) {
                throw new PutRejectedException("PV " + fullName + ": " + Values.show(value) + " is outside the drive limits "
                        + spec.driveLow() + ".." + spec.driveHigh());
            }
        }
        return owner.put(this, converted);
    }

    @Override
    public CompletionStage<Void> follow(Object value) {
        if (spec.link() == null && spec.point() == null) {
            throw new PutRejectedException("PV " + fullName + " has no link and no point");
        }
        try {
            return owner.put(this, Values.coerce(spec, value));
        } catch (IllegalArgumentException e) {
            String source = spec.link() != null ? spec.link().target() : "point " + spec.point();
            throw new PutRejectedException("PV " + fullName + ": the value of " + source + ": " + e.getMessage());
        }
    }

    /** Sets the value as accepted from a put; called by the owner. */
    public void accept(Object converted) {
        update(converted, AlarmSeverity.NO_ALARM);
    }

    @Override
    public void addListener(PvListener listener) {
        listeners.computeIfAbsent(listener, l -> Handoff.<PvValue>named("listener of " + fullName).capacity(LISTENER_BACKLOG)
                .threads(Thread.ofVirtual().name("pv-listener-" + fullName).factory()).log(LOG).start(v -> l.changed(this, v)));
        if (closed) {
            close();
        }
    }

    @Override
    public void removeListener(PvListener listener) {
        Handoff<PvValue> h = listeners.remove(listener);
        if (h != null) {
            h.closeNow();
        }
    }

    /** @return how many listeners have a thread waiting for values */
    int listeners() {
        return listeners.size();
    }

    /** The PV is no longer served: its listeners get what waits for them, then their threads end. */
    public void close() {
        closed = true;
        listeners.keySet().forEach(l -> {
            Handoff<PvValue> h = listeners.remove(l);
            if (h != null) {
                h.close();
            }
        });
    }

    @Override
    public String toString() {
        return fullName + "=" + Values.show(current.value());
    }
}
