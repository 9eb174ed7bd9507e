package org.taskhost.devices.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceException;
import org.taskhost.api.device.DeviceHealth;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.DeviceStatus;
import org.taskhost.api.device.Driver;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointSink;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.device.Quality;

/**
 * One device's poll loop. The shared tick thread only enqueues a poll on the device's own worker (one virtual
 * thread), skipping it while the last one still runs, so a device that hangs or times out holds up nobody else.
 * Reads, writes and the session's life all happen on the worker, one at a time, as the {@link DriverSession}
 * contract says. A poll that fails marks the device ERROR, closes the session and leaves the last values
 * UNCERTAIN; the next poll opens a new session.
 */
final class DeviceLoop implements PointSink {

    /** how soon a session lost between polls is opened again, when the poll interval is longer */
    static final Duration REOPEN_AFTER = Duration.ofSeconds(1);

    private final DeviceConfig config;
    private final Driver driver;
    private final PointCacheImpl cache;
    private final Consumer<String> log;
    private final ExecutorService worker;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Health health;
    private volatile long pollStarted;
    private volatile boolean sessionLost;
    private volatile boolean closed;
    private final boolean invalid;
    private ScheduledFuture<?> schedule;
    private volatile ScheduledExecutorService ticks;
    private final AtomicBoolean reopenPlanned = new AtomicBoolean();
    private volatile DriverSession session;

    /** @param problems what the driver finds wrong with the definition: the device is then not polled */
    DeviceLoop(DeviceConfig config, Driver driver, PointCacheImpl cache, Consumer<String> log, List<DeviceProblem> problems) {
        this.config = config;
        this.driver = driver;
        this.cache = cache;
        this.log = log;
        this.invalid = !problems.isEmpty();
        this.worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("device-" + config.id()).factory());
        DeviceStatus status = !config.enabled() ? DeviceStatus.DISABLED
                : driver == null ? DeviceStatus.NO_DRIVER : invalid ? DeviceStatus.ERROR : DeviceStatus.CONNECTING;
        String message = switch (status) {
            case DISABLED -> "disabled";
            case NO_DRIVER -> "no driver '" + config.driver() + "'";
            case ERROR -> "invalid definition: " + problems.stream().map(DeviceProblem::toString).collect(Collectors.joining("; "));
            default -> "";
        };
        this.health = new Health(status, message);
    }

    DeviceConfig config() {
        return config;
    }

    DeviceHealth health() {
        return health.get();
    }

    boolean running() {
        return config.enabled() && driver != null && !invalid;
    }

    /** Starts polling at the device's phase in its interval (see {@link Stagger}). */
    void start(ScheduledExecutorService ticks) {
        if (!running()) {
            return;
        }
        this.ticks = ticks;
        long interval = config.pollInterval().toNanos();
        long phase = Stagger.phase(config.id(), config.pollInterval()).toNanos();
        schedule = ticks.scheduleAtFixedRate(this::tick, phase, interval, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        if (polling.compareAndSet(false, true)) {
            pollStarted = System.nanoTime();
            worker.execute(() -> {
                try {
                    poll();
                } catch (Exception e) {
                    // poll() has marked the device
                } finally {
                    polling.set(false);
                }
            });
        } else if (System.nanoTime() - pollStarted > pollLimit(config).toNanos()) {
            health.hung("a poll has not returned after " + pollLimit(config).toSeconds() + " s");
        }
    }

    /** How long a poll may take: each try's timeout, and a second for the driver's own work. */
    static Duration pollLimit(DeviceConfig config) {
        return config.timeout().multipliedBy(config.retries() + 1L).plusSeconds(1);
    }

    /** How long a caller waits for a read or write on the worker: a poll's limit, and a second for a poll before it. */
    static Duration callLimit(DeviceConfig config) {
        return pollLimit(config).plusSeconds(1);
    }

    private Map<String, PointValue> poll() throws Exception {
        try {
            openSession();
            Map<String, PointValue> read = session.read(config.points());
            Map<String, PointValue> out = new LinkedHashMap<>();
            for (Point p : config.points()) {
                PointValue v = read.get(p.id());
                out.put(p.id(), v == null ? PointValue.bad("no value") : v);
                put(p.id(), out.get(p.id()));
            }
            health.ok();
            return out;
        } catch (Exception e) {
            failed(describe(e));
            throw e;
        }
    }

    private void openSession() throws Exception {
        if (sessionLost) {
            closeSession();
            sessionLost = false;
        }
        if (session != null) {
            return;
        }
        session = driver.open(config, this);
        List<Point> cov = config.points().stream().filter(Point::cov).toList();
        if (!cov.isEmpty()) {
            try {
                Set<String> followed = session.subscribe(cov);
                log.accept("device " + config.id() + ": " + followed.size() + " of " + cov.size() + " COV points followed");
            } catch (Exception e) {
                log.accept("device " + config.id() + ": subscribing failed, the points are polled only: " + describe(e));
            }
        }
    }

    private void failed(String reason) {
        health.failed(reason);
        closeSession();
        for (Point p : config.points()) {
            PointRef ref = new PointRef(config.id(), p.id());
            cache.latest(ref).filter(v -> v.quality() != Quality.BAD)
                    .ifPresent(v -> put(p.id(), new PointValue(v.value(), Instant.now(), Quality.UNCERTAIN, "device: " + reason)));
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                log.accept("device " + config.id() + ": closing the session failed: " + e);
            }
            session = null;
        }
    }

    /** @return completes with every point's value, read now between polls */
    CompletableFuture<Map<String, PointValue>> readNow() {
        return onWorker(this::poll);
    }

    /** @return completes when the device took the write; the point is then read back into the cache */
    CompletableFuture<Void> write(Point point, Object value, Integer priority) {
        return onWorker(() -> {
            openSession();
            session.write(point, value, priority);
            Map<String, PointValue> back = session.read(List.of(point));
            PointValue v = back.get(point.id());
            if (v != null) {
                put(point.id(), v);
            }
            return null;
        });
    }

    /** Work that the driver does. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> CompletableFuture<T> onWorker(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        if (!running() || closed) {
            f.completeExceptionally(new DeviceException("device " + config.id() + " is " + health.get().message()));
            return f;
        }
        worker.execute(() -> {
            try {
                f.complete(work.run());
            } catch (Exception e) {
                f.completeExceptionally(e instanceof DeviceException ? e : new DeviceException(describe(e), e));
            }
        });
        return f;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void update(String pointId, PointValue value) {
        if (config.point(pointId).isPresent()) {
            put(pointId, value);
        }
    }

    /** Into the cache unless the loop was stopped: a poll that ends after a delete must not bring its points back. */
    private void put(String pointId, PointValue value) {
        if (!closed) {
            cache.put(new PointRef(config.id(), pointId), value);
        }
    }

    @Override
    public void lost(String reason) {
        if (!closed) {
            sessionLost = true;
            health.betweenPolls(reason);
            reopenSoon();
        }
    }

    /**
     * A session the driver lost between polls (a BLE device gone, a COV subscription refused) is opened again within
     * {@link #REOPEN_AFTER}, not only at the next poll, so that notifications resume; the driver's own backoff decides
     * when it really tries. Each failed attempt is counted in the health, as a failed poll is, and the health stays
     * ERROR until a poll succeeds.
     */
    private void reopenSoon() {
        ScheduledExecutorService t = ticks;
        if (t == null || closed || config.pollInterval().compareTo(REOPEN_AFTER) <= 0 || !reopenPlanned.compareAndSet(false, true)) {
            return;
        }
        try {
            t.schedule(() -> onWorker(() -> {
                reopen();
                return null;
            }), REOPEN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reopenPlanned.set(false);
        }
    }

    private void reopen() {
        reopenPlanned.set(false);
        if (closed || !sessionLost && session != null) {
            return;
        }
        try {
            openSession();
        } catch (Exception e) {
            // a device that stays away fails here every second, long before the next poll: each attempt is an error
            if (!closed) {
                health.betweenPolls(describe(e));
            }
            reopenSoon();
        }
    }

    /** Stops polling and closes the session on the worker, after whatever it is doing. */
    void stop() {
        closed = true;
        if (schedule != null) {
            schedule.cancel(false);
        }
        worker.execute(this::closeSession);
        worker.shutdown();
    }

    /**
     * Waits until the worker ended or the deadline passed: used when the bundle stops, so that sessions are closed.
     *
     * @param deadline a {@link System#nanoTime()} shared by every loop that stops together
     * @return whether the worker ended
     */
    boolean awaitStopped(long deadline) throws InterruptedException {
        return worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Interrupts a worker that did not end by the deadline (a driver call hung in I/O is not waited for any longer) and
     * closes its session from here, which the worker can no longer do: closing may be what ends the hung call.
     */
    void abandon() {
        worker.shutdownNow();
        DriverSession s = session;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                log.accept("device " + config.id() + ": closing the session of a hung worker failed: " + e);
            }
        }
    }
}
