package org.taskhost.runtime.internal.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.taskhost.api.JobResult;
import org.taskhost.api.TaskBase;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.TaskStatus;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.pv.DefaultPvs;
import org.taskhost.runtime.internal.pv.PvImpl;

/**
 * Runs one task through design section 5: continuous at a fixed rate without overlap (overruns counted),
 * triggered by RUN (one more run queued during a run), reactive on input puts; ENABLE pauses every mode;
 * an exception gives ERROR and the task goes on; watchdogs on initialize() and execute(); cleanup() once.
 */
public final class TaskRunner extends AbstractRunner {

    private final TaskBase task;
    private final PluginMode mode;
    private final TriggerQueue triggers = new TriggerQueue(this::runOnce);
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private volatile boolean initialized;
    private volatile boolean stopped;
    private volatile ScheduledFuture<?> ticks;

    public TaskRunner(PluginSetup setup, TaskBase task) {
        super(setup, task, DefaultPvs.task(setup.version()), TaskStatus.INIT);
        this.task = task;
        this.mode = setup.descriptor().mode();
    }

    @Override
    public PluginKind kind() {
        return PluginKind.TASK;
    }

    @Override
    public PluginMode mode() {
        return mode;
    }

    @Override
    public void start() {
        status(TaskStatus.INIT, "Initializing");
        initialize(task::initialize, TaskStatus.ERROR, () -> {
            if (!stopped) {
                initialized = true;
                running("Task running");
                schedule();
            }
        });
    }

    /** Continuous mode: ticks at the {@code interval} that applies now. */
    private synchronized void schedule() {
        if (mode != PluginMode.CONTINUOUS || stopped) {
            return;
        }
        ScheduledFuture<?> previous = ticks;
        if (previous != null) {
            previous.cancel(false);
        }
        long period = seconds("interval", 1.0).toNanos();
        ticks = setup.clocks().ticks().scheduleAtFixedRate(this::tick, offset(period), period, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void parametersChanged(PluginDescriptor previous) {
        if (initialized && !java.util.Objects.equals(previous.parameters().get("interval"), config().parameters().get("interval"))) {
            schedule();
        }
    }

    /**
     * The first cycle waits a part of the interval that depends on the name: tasks started together (at boot)
     * spread over the interval instead of all waking in the same instant, each period.
     */
    private long offset(long period) {
        return Math.floorMod(name().hashCode() * 0x9E3779B1L, period);
    }

    /** Sets the status a healthy, enabled task shows in its mode. */
    private void running(String text) {
        if (!isEnabled()) {
            status(TaskStatus.PAUSED, "Task paused");
        } else if (mode == PluginMode.TRIGGERED) {
            status(TaskStatus.INIT, "Ready for trigger");
        } else {
            status(TaskStatus.RUN, text);
        }
    }

    private void tick() {
        if (!isEnabled() || stopped) {
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            overruns.incrementAndGet();
            return;
        }
        execute().whenComplete((r, e) -> inFlight.set(false));
    }

    /** One execute() on the plugin's executor, with its watchdog; never completes exceptionally. */
    private CompletableFuture<JobResult> execute() {
        Duration timeout = seconds("execute_timeout", 30);
        return executor.submit("execute()", () -> {
            task.execute();
            return null;
        }, timeout).handle((r, e) -> {
            if (e == null) {
                ran(true);
                pvImpl(DefaultPvs.CYCLE_COUNT).set(cycles.get());
                if (status() == TaskStatus.ERROR) {
                    running("Task running");
                }
                return JobResult.ok(null, "Completed");
            }
            ran(false);
            log.log(System.Logger.Level.ERROR, "execute() failed", cause(e));
            status(TaskStatus.ERROR, "Error: " + describe(e));
            return JobResult.failed(describe(e));
        });
    }

    private CompletableFuture<JobResult> runOnce() {
        pvImpl(DefaultPvs.RUN).set(1);
        if (mode == PluginMode.TRIGGERED) {
            status(TaskStatus.RUN, "Executing triggered action");
        }
        return execute().thenApply(result -> {
            if (mode == PluginMode.TRIGGERED && result.success()) {
                status(isEnabled() ? TaskStatus.END : TaskStatus.PAUSED, isEnabled() ? "Triggered run completed" : "Task paused");
            }
            return result;
        });
    }

    @Override
    public CompletionStage<JobResult> trigger() {
        if (!initialized) {
            throw new IllegalStateException("task " + name() + " is not initialized: " + state().message());
        }
        if (!isEnabled()) {
            throw new IllegalStateException("task " + name() + " is paused (ENABLE=0)");
        }
        return triggers.request(() -> pvImpl(DefaultPvs.RUN).set(0));
    }

    @Override
    protected CompletionStage<Void> onPut(PvImpl pv, Object value) {
        boolean on = Integer.valueOf(1).equals(value);
        switch (pv.name()) {
            case DefaultPvs.ENABLE -> {
                pv.accept(value);
                if (on) {
                    enable();
                } else {
                    disable();
                }
                return done();
            }
            case DefaultPvs.RUN -> {
                try {
                    return on ? trigger().thenAccept(r -> { }) : done();
                } catch (IllegalStateException e) {
                    throw new org.taskhost.api.pv.PutRejectedException("PV " + pv.fullName() + ": " + e.getMessage());
                }
            }
            case DefaultPvs.CLEAR, DefaultPvs.RESET -> {
                if (on) {
                    pv.accept(value);
                    if (pv.name().equals(DefaultPvs.RESET)) {
                        reset();
                    } else {
                        clear();
                    }
                    pv.set(0);
                }
                return done();
            }
            default -> {
                pv.accept(value);
                return deliveries().put(pv.name(), () -> executor.submit("onPut()", () -> {
                    task.onPut(pv.name(), value);
                    return null;
                }, seconds("execute_timeout", 30)).handle((r, e) -> {
                    if (e != null) {
                        log.log(System.Logger.Level.ERROR, "onPut(" + pv.name() + ") failed", cause(e));
                        status(TaskStatus.ERROR, "Error: " + describe(e));
                    }
                    return null;
                }).thenCompose(r -> mode == PluginMode.REACTIVE && initialized && isEnabled() && !stopped
                        ? execute().thenAccept(x -> { })
                        : done()));
            }
        }
    }

    @Override
    public void enable() {
        enabled(true);
        if (initialized) {
            running("Task running");
        }
    }

    @Override
    public void disable() {
        enabled(false);
        if (initialized) {
            status(TaskStatus.PAUSED, "Task paused");
        }
    }

    @Override
    public void clear() {
        if (initialized && status() == TaskStatus.ERROR) {
            running("Task running");
        }
    }

    @Override
    public void reset() {
        clear();
        cycles.set(0);
        overruns.set(0);
        errors.set(0);
        pvImpl(DefaultPvs.CYCLE_COUNT).set(0);
    }

    @Override
    public List<JobResult> results() {
        return List.of();
    }

    @Override
    public void stop() {
        ScheduledFuture<?> t;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            t = ticks;
        }
        if (t != null) {
            t.cancel(false);
        }
        if (initialized || status() != TaskStatus.ERROR) {
            // wait for a call in progress (an initialize that may still succeed, a cycle), then clean up once
            Duration timeout = seconds("cleanup_timeout", 10);
            CompletableFuture<Void> cleanup = executor.submit("cleanup()", () -> {
                if (initialized && cleaned.compareAndSet(false, true)) {
                    task.cleanup();
                }
                return null;
            }, timeout);
            try {
                cleanup.get(timeout.toMillis() + seconds("execute_timeout", 30).toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.log(System.Logger.Level.ERROR, "cleanup() failed", cause(e));
            }
        }
        executor.shutdown(Duration.ofSeconds(1));
        boolean failed = phase() == org.taskhost.api.runtime.PluginPhase.FAILED;
        stopped();
        if (!failed) {
            status(TaskStatus.END, "Task stopped");
        }
        announce(PluginEvent.Type.STOPPED);
    }
}
