package org.taskhost.runtime.internal.lifecycle;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.taskhost.api.JobBase;
import org.taskhost.api.JobResult;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.runtime.JobBusyException;
import org.taskhost.api.runtime.JobStatus;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.runtime.internal.pv.DefaultPvs;
import org.taskhost.runtime.internal.pv.PvImpl;

/**
 * Runs one job: initialize() once, then one run at a time on request with the {@code timeout} parameter
 * enforced (default 60 s); a second run while one is running is refused; the last 20 results are kept.
 */
public final class JobRunner extends AbstractRunner {

    static final int KEEP = 20;
    private final JobBase job;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ArrayDeque<JobResult> results = new ArrayDeque<>();
    private volatile boolean initialized;

    public JobRunner(PluginSetup setup, JobBase job) {
        super(setup, job, DefaultPvs.job(), JobStatus.IDLE);
        this.job = job;
    }

    @Override
    public PluginKind kind() {
        return PluginKind.JOB;
    }

    @Override
    public PluginMode mode() {
        return PluginMode.ON_REQUEST;
    }

    @Override
    public void start() {
        status(JobStatus.IDLE, "Initializing");
        initialize(job::initialize, JobStatus.FAILED, () -> {
            initialized = true;
            status(JobStatus.IDLE, "Idle");
        });
    }

    @Override
    public CompletionStage<JobResult> trigger() {
        if (!initialized) {
            throw new IllegalStateException("job " + name() + " is not initialized: " + state().message());
        }
        if (!isEnabled()) {
            throw new IllegalStateException("job " + name() + " is disabled");
        }
        if (!running.compareAndSet(false, true)) {
            throw new JobBusyException("job " + name() + " is already running");
        }
        pvImpl(DefaultPvs.RUN).set(1);
        status(JobStatus.RUNNING, "Running");
        CompletableFuture<JobResult> run = executor.submit("execute()", job::execute, seconds("timeout", 60));
        return run.handle((result, e) -> {
            JobResult r = e != null ? JobResult.failed(describe(e))
                    : result == null ? new JobResult(true, null, "Completed", Instant.now()) : result;
            if (e != null) {
                log.log(System.Logger.Level.ERROR, "execute() failed", cause(e));
            }
            synchronized (results) {
                if (results.size() == KEEP) {
                    results.removeFirst();
                }
                results.addLast(r);
            }
            ran(r.success());
            String text = r.message() == null || r.message().isBlank() ? "Done" : r.message();
            status(r.success() ? JobStatus.SUCCESS : JobStatus.FAILED, text);
            pvImpl(DefaultPvs.RUN).set(0);
            running.set(false);
            return r;
        });
    }

    @Override
    protected CompletionStage<Void> onPut(PvImpl pv, Object value) {
        if (!pv.name().equals(DefaultPvs.RUN) || !Integer.valueOf(1).equals(value)) {
            pv.accept(value);
            return done();
        }
        try {
            return trigger().thenAccept(r -> { });
        } catch (IllegalStateException e) {
            throw new PutRejectedException("PV " + pv.fullName() + ": " + e.getMessage());
        }
    }

    @Override
    public void enable() {
        enabled(true);
    }

    @Override
    public void disable() {
        enabled(false);
    }

    @Override
    public void clear() {
        if (initialized && !running.get()) {
            status(JobStatus.IDLE, "Idle");
        }
    }

    @Override
    public void reset() {
        clear();
        cycles.set(0);
        errors.set(0);
        synchronized (results) {
            results.clear();
        }
    }

    @Override
    public List<JobResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    @Override
    public void stop() {
        executor.shutdown(seconds("cleanup_timeout", 10));
        stopped();
        announce(PluginEvent.Type.STOPPED);
    }
}
