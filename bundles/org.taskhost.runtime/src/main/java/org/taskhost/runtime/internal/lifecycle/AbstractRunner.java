package org.taskhost.runtime.internal.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.taskhost.api.Parameters;
import org.taskhost.api.PluginBase;
import org.taskhost.api.PluginContext;
import org.taskhost.api.device.Devices;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.pv.Pv;
import org.taskhost.api.pv.PvLink;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.runtime.internal.config.ParameterRules;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.log.PluginLog;
import org.taskhost.runtime.internal.devices.PluginDevices;
import org.taskhost.runtime.internal.messaging.PluginMessaging;
import org.taskhost.runtime.internal.pv.DefaultPvs;
import org.taskhost.runtime.internal.pv.PvImpl;

/**
 * What task and job runners share: PVs, STATUS/MESSAGE and the lifecycle phase, counters, logging, live parameters,
 * and the plugin's serial executor. The plugin gets a {@link PluginContext} of its own, not the runner, so it cannot
 * drive itself through {@link org.taskhost.api.runtime.ManagedPlugin}.
 */
abstract class AbstractRunner implements Runner {

    protected final PluginSetup setup;
    protected final PluginExecutor executor;
    /** made with the first subscription, so that a plugin without any has no thread for them */
    private volatile Deliveries deliveries;
    protected final PluginLog log;
    protected volatile Parameters parameters;
    private volatile PluginDescriptor config;
    private volatile PluginPhase phase = PluginPhase.INITIALIZING;
    private final CompletableFuture<PluginPhase> started = new CompletableFuture<>();
    protected final AtomicLong cycles = new AtomicLong();
    protected final AtomicLong overruns = new AtomicLong();
    protected final AtomicLong errors = new AtomicLong();
    private final Map<String, PvImpl> pvs = new LinkedHashMap<>();
    private final String className;
    private volatile Enum<?> status;
    private volatile String message = "";
    private volatile boolean enabled = true;
    private volatile Instant lastRun;
    private PluginMessaging messaging;
    private PluginDevices devices;

    AbstractRunner(PluginSetup setup, PluginBase plugin, List<PvSpec> defaults, Enum<?> initial) {
        this.setup = setup;
        this.className = plugin.getClass().getName();
        this.executor = new PluginExecutor(setup.name(), setup.clocks().watchdog());
        this.log = new PluginLog(setup.name());
        this.config = setup.descriptor();
        this.parameters = new ParametersImpl(config.parameters());
        this.status = initial;
        List<PvSpec> all = new ArrayList<>(defaults);
        all.addAll(setup.descriptor().inputs());
        all.addAll(setup.descriptor().outputs());
        for (PvSpec spec : all) {
            pvs.put(spec.name(), new PvImpl(setup.devices().withPointUnits(spec), setup.pvPrefix() + ":" + spec.name(), this::onPut,
                    setup.values()));
        }
        for (PvSpec input : setup.descriptor().inputs()) {
            if (input.link() != null) {
                watchLink(input.name());
            }
        }
        plugin.attach(new Context());
    }

    /**
     * Whoever follows a link (the CA bundle) sets its state PV; the runtime owns MESSAGE, so it is the one that says
     * when a connected link drops.
     */
    private void watchLink(String input) {
        AtomicBoolean connected = new AtomicBoolean();
        pvs.get(PvLink.connectionPv(input)).addListener((pv, value) -> {
            boolean now = Integer.valueOf(1).equals(value.value());
            if (connected.getAndSet(now) && !now) {
                status(status, "Link " + input + " lost");
            }
        });
    }

    /** Plugin code that returns nothing. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    /**
     * Runs the plugin's initialize() on its executor with the {@code init_timeout} watchdog; on failure sets
     * {@code failed} with the reason, on success runs {@code then} on the plugin's thread.
     */
    protected final void initialize(Step init, Enum<?> failed, Runnable then) {
        executor.submit("initialize()", () -> {
            init.run();
            return null;
        }, seconds("init_timeout", 30)).whenComplete((r, e) -> {
            if (e != null) {
                log.log(System.Logger.Level.ERROR, "initialize() failed", cause(e));
                phase = PluginPhase.FAILED;
                status(failed, "initialize() failed: " + describe(e));
            } else {
                phase = PluginPhase.READY;
                then.run();
            }
            started.complete(phase);
        });
    }

    /** @return completes with READY or FAILED when initialize() has ended */
    public final CompletionStage<PluginPhase> started() {
        return started;
    }

    /** @return the lifecycle phase */
    public final PluginPhase phase() {
        return phase;
    }

    /** Marks the plugin stopped; its STOPPED event follows. */
    protected final void stopped() {
        PluginMessaging m;
        PluginDevices d;
        Deliveries q;
        synchronized (this) {
            m = messaging;
            d = devices;
            q = deliveries;
        }
        // closed outside the monitor: unsubscribing may wait on a broker or a device
        if (m != null) {
            m.close();
        }
        if (d != null) {
            d.close();
        }
        if (q != null) {
            q.close();
        }
        phase = PluginPhase.STOPPED;
        started.complete(phase);
    }

    /** A parameter that is a number of seconds, as it is now (parameters change live). */
    protected final Duration seconds(String parameter, double defaultSeconds) {
        Object v = config.parameters().get(parameter);
        double s = v instanceof Number n ? n.doubleValue() : defaultSeconds;
        return Duration.ofNanos((long) (s * 1e9));
    }

    /** Called after a live parameter update, on the caller's thread; the task reschedules for a new interval. */
    protected void parametersChanged(PluginDescriptor previous) {
    }

    /** A client's validated put, to be handed to the plugin. */
    protected abstract CompletionStage<Void> onPut(PvImpl pv, Object value);

    protected final void status(Enum<?> next, String text) {
        update(next, text, System.Logger.Level.INFO);
    }

    /**
     * Changes STATUS and MESSAGE; the runtime's changes are logged at INFO, the plugin's messages at DEBUG. Views
     * hear of it through their own queues: nothing here waits for them.
     */
    private synchronized void update(Enum<?> next, String text, System.Logger.Level level) {
        boolean changed = next != status || !text.equals(message);
        if (changed) {
            log.log(level, () -> "STATUS " + next + ": " + text);
        }
        status = next;
        message = text;
        // a PV is set only when its value changes: every view hears of each set
        PvImpl statusPv = pvs.get(DefaultPvs.STATUS);
        if (statusPv.getDouble() != next.ordinal()) {
            statusPv.set(next.ordinal());
        }
        PvImpl messagePv = pvs.get(DefaultPvs.MESSAGE);
        if (!text.equals(messagePv.value().value())) {
            messagePv.set(text);
        }
        if (changed) {
            setup.events().accept(new PluginEvent(name(), PluginEvent.Type.STATE_CHANGED, state(), Instant.now()));
        }
    }

    @Override
    public final synchronized void announce(PluginEvent.Type type) {
        setup.events().accept(new PluginEvent(name(), type, state(), Instant.now()));
    }

    protected final Enum<?> status() {
        return status;
    }

    protected final void enabled(boolean on) {
        enabled = on;
        PvImpl pv = pvs.get(DefaultPvs.ENABLE);
        if (pv != null) {
            pv.set(on ? 1 : 0);
        }
    }

    protected final boolean isEnabled() {
        return enabled;
    }

    protected final void ran(boolean ok) {
        lastRun = Instant.now();
        (ok ? cycles : errors).incrementAndGet();
    }

    protected final PvImpl pvImpl(String name) {
        return pvs.get(name);
    }

    /**
     * @param name a PV's short name
     * @return the PV
     * @throws IllegalArgumentException if the plugin has no PV of that name
     */
    public final Pv pv(String name) {
        PvImpl pv = pvs.get(name);
        if (pv == null) {
            throw new IllegalArgumentException("plugin " + name() + " has no PV named '" + name + "'; it has " + pvs.keySet());
        }
        return pv;
    }

    static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    static String describe(Throwable e) {
        Throwable c = cause(e);
        String m = c.getMessage();
        return m == null || m.isBlank() ? c.getClass().getSimpleName() : m;
    }

    static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String name() {
        return setup.name();
    }

    @Override
    public String className() {
        return className;
    }

    @Override
    public long bundleId() {
        return setup.bundleId();
    }

    @Override
    public PluginState state() {
        return new PluginState(status.name(), status.ordinal(), message, enabled, cycles.get(), overruns.get(), errors.get(),
                lastRun, phase, dropped());
    }

    /** @return the plugin's deliveries, made at the first one */
    protected final synchronized Deliveries deliveries() {
        if (deliveries == null) {
            deliveries = new Deliveries(setup.name(), executor, () -> seconds("execute_timeout", 30), log);
        }
        return deliveries;
    }

    private long dropped() {
        Deliveries d = deliveries;
        return d == null ? 0 : d.dropped();
    }

    /** @return config.yaml with the parameters that apply now */
    public final PluginDescriptor config() {
        return config;
    }

    /**
     * @throws IllegalArgumentException naming the field when an override breaks config.yaml's rules; nothing changes
     */
    @Override
    public void updateParameters(Map<String, Object> overrides) {
        PluginDescriptor previous = config;
        try {
            config = ParameterRules.merge(previous, overrides);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        parameters = new ParametersImpl(config.parameters());
        log.log(System.Logger.Level.INFO, "parameters updated: " + overrides);
        parametersChanged(previous);
    }

    @Override
    public Map<String, Object> parameterValues() {
        return parameters.asMap();
    }


    @Override
    public List<Pv> pvs() {
        return List.copyOf(pvs.values());
    }


    @Override
    public List<String> log() {
        return log.recent();
    }

    /** What the plugin sees of its runner. */
    private final class Context implements PluginContext {

        @Override
        public String name() {
            return setup.name();
        }

        @Override
        public Parameters parameters() {
            return parameters;
        }

        @Override
        public Pv pv(String name) {
            return AbstractRunner.this.pv(name);
        }

        @Override
        public System.Logger logger() {
            return log;
        }

        @Override
        public void setMessage(String text) {
            update(status, text == null ? "" : text, System.Logger.Level.DEBUG);
        }

        @Override
        public Messaging messaging() {
            synchronized (AbstractRunner.this) {
                if (messaging == null) {
                    messaging = new PluginMessaging(setup.messaging(), deliveries()::message);
                }
                return messaging;
            }
        }

        @Override
        public Devices devices() {
            synchronized (AbstractRunner.this) {
                if (devices == null) {
                    devices = new PluginDevices(setup.devices(), deliveries()::point);
                }
                return devices;
            }
        }
    }
}
