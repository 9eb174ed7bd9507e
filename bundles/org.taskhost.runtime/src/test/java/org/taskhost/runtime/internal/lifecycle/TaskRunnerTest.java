package org.taskhost.runtime.internal.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.runtime.internal.config.ConfigParser;
import org.taskhost.api.pv.PutRejectedException;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.TaskStatus;

class TaskRunnerTest {

    static final String CONTINUOUS = "parameters:\n  interval: 0.02\n";
    static final String TRIGGERED = "parameters:\n  mode: triggered\n";
    static final String REACTIVE = "parameters:\n  mode: reactive\npvs:\n  inputs:\n    IN: {type: float, drvl: 0, drvh: 10}\n";

    private final Fixture fixture = new Fixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String status(TaskRunner r) {
        return r.state().status();
    }

    /** Waits for the typed outcome of initialize(): the runner completes it after its status is set. */
    private static void awaitReady(TaskRunner r) throws Exception {
        assertThat(r.started().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(PluginPhase.READY);
    }

    private static Object pv(TaskRunner r, String name) {
        return r.pv(name).get();
    }

    @Test
    void continuousRunsAtItsIntervalAndCountsCycles() {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task(CONTINUOUS, task);
        await("10 cycles").until(() -> r.state().cycles() >= 10);
        assertThat(status(r)).isEqualTo("RUN");
        assertThat(task.initializes).hasValue(1);
        assertThat((Long) pv(r, "CYCLE_COUNT")).isGreaterThanOrEqualTo(10L);
    }

    @Test
    void continuousNeverOverlapsAndCountsOverruns() {
        ScriptedTask task = new ScriptedTask();
        task.onExecute = () -> Thread.sleep(100);
        TaskRunner r = fixture.task(CONTINUOUS, task);
        await("3 cycles and overruns").until(() -> r.state().cycles() >= 3 && r.state().overruns() >= 5);
        assertThat(task.maxConcurrent).hasValue(1);
    }

    @Test
    void enablePausesAndResumesContinuous() {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task(CONTINUOUS, task);
        TaskRunner witness = fixture.task(CONTINUOUS, new ScriptedTask());
        await("running").until(() -> r.state().cycles() >= 2);
        r.pv("ENABLE").put(0);
        assertThat(status(r)).isEqualTo("PAUSED");
        await("a cycle in flight at the pause has ended").until(() -> task.concurrent.get() == 0);
        long paused = r.state().cycles();
        long witnessAt = witness.state().cycles();
        await("the witness ran 10 more cycles").until(() -> witness.state().cycles() >= witnessAt + 10);
        assertThat(r.state().cycles()).isEqualTo(paused);
        r.pv("ENABLE").put(1);
        assertThat(status(r)).isEqualTo("RUN");
        await("cycles resume").until(() -> r.state().cycles() > paused + 2);
    }

    @Test
    void anExceptionGivesErrorAndTheLoopGoesOn() {
        ScriptedTask task = new ScriptedTask();
        AtomicBoolean failing = new AtomicBoolean(true);
        task.onExecute = () -> {
            if (failing.get()) {
                throw new IllegalStateException("sensor offline");
            }
        };
        TaskRunner r = fixture.task(CONTINUOUS, task);
        await("three errors").until(() -> status(r).equals("ERROR") && r.state().errors() >= 3);
        assertThat(r.state().message()).isEqualTo("Error: sensor offline");
        assertThat(pv(r, "STATUS")).isEqualTo(TaskStatus.ERROR.ordinal());
        failing.set(false);
        await("a good cycle sets RUN again").until(() -> status(r).equals("RUN"));
        long errors = r.state().errors();
        long cycles = r.state().cycles();
        await("the loop goes on").until(() -> r.state().cycles() >= cycles + 3);
        assertThat(r.state().errors()).as("good cycles count no error").isEqualTo(errors);
    }

    @Test
    void triggeredRunsOncePerRunAndRunReturnsToZeroWhenTheRunEnds() throws Exception {
        ScriptedTask task = new ScriptedTask();
        CountDownLatch release = new CountDownLatch(1);
        task.onExecute = release::await;
        TaskRunner r = fixture.task(TRIGGERED, task);
        awaitReady(r);
        assertThat(status(r)).isEqualTo("INIT");
        assertThat(r.state().message()).isEqualTo("Ready for trigger");
        CompletableFuture<Void> put = r.pv("RUN").put(1).toCompletableFuture();
        await("the run started").until(() -> task.concurrent.get() == 1);
        assertThat(pv(r, "RUN")).isEqualTo(1);
        assertThat(status(r)).isEqualTo("RUN");
        assertThat(put).isNotDone();
        release.countDown();
        put.get(5, TimeUnit.SECONDS);
        assertThat(pv(r, "RUN")).isEqualTo(0);
        assertThat(task.executes).hasValue(1);
        assertThat(status(r)).isEqualTo("END");
    }

    @Test
    void runDuringARunQueuesExactlyOneMore() throws Exception {
        ScriptedTask task = new ScriptedTask();
        CountDownLatch release = new CountDownLatch(1);
        task.onExecute = release::await;
        TaskRunner r = fixture.task(TRIGGERED, task);
        awaitReady(r);
        assertThat(status(r)).isEqualTo("INIT");
        CompletableFuture<Void> first = r.pv("RUN").put(1).toCompletableFuture();
        await("the first run started").until(() -> task.concurrent.get() == 1);
        CompletableFuture<Void> second = r.pv("RUN").put(1).toCompletableFuture();
        CompletableFuture<Void> third = r.pv("RUN").put(1).toCompletableFuture();
        release.countDown();
        CompletableFuture.allOf(first, second, third).get(5, TimeUnit.SECONDS);
        assertThat(task.executes).hasValue(2);
        assertThat(pv(r, "RUN")).isEqualTo(0);
    }

    @Test
    void pausedTriggeredTaskRefusesRun() throws Exception {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task(TRIGGERED, task);
        awaitReady(r);
        r.disable();
        assertThat(status(r)).isEqualTo("PAUSED");
        assertThatThrownBy(() -> r.pv("RUN").put(1)).isInstanceOf(PutRejectedException.class).hasMessageContaining("paused (ENABLE=0)");
        r.enable();
        assertThat(status(r)).isEqualTo("INIT");
        assertThat(task.executes).hasValue(0);
    }

    @Test
    void reactiveRunsOnInputPutsOnlyAndNotWhenPaused() throws Exception {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task(REACTIVE, task);
        await("running").until(() -> status(r).equals("RUN"));
        r.pv("IN").put("2.5").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(task.puts).containsExactly("IN=2.5");
        assertThat(task.executes).hasValue(1);
        assertThat(r.pv("IN").get()).isEqualTo(2.5);
        r.disable();
        r.pv("IN").put(3).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(task.puts).containsExactly("IN=2.5", "IN=3.0");
        assertThat(task.executes).hasValue(1);
    }

    @Test
    void aFloodOfPutsToABusyPluginWaitsAsTheNewestPutOnlyAndEveryPutIsAnswered() throws Exception {
        ScriptedTask task = new ScriptedTask();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        task.onExecute = () -> {
            busy.countDown();
            release.await(10, TimeUnit.SECONDS);
        };
        TaskRunner r = fixture.task(REACTIVE, task);
        await("running").until(() -> status(r).equals("RUN"));
        java.util.List<java.util.concurrent.CompletableFuture<Void>> answers = new java.util.ArrayList<>();
        answers.add(r.pv("IN").put(1).toCompletableFuture());
        assertThat(busy.await(5, TimeUnit.SECONDS)).as("the first put's run holds the plugin").isTrue();
        for (int i = 0; i < 5000; i++) {
            answers.add(r.pv("IN").put(i % 10).toCompletableFuture());
        }
        assertThat(r.state().dropped()).as("all but the newest waiting put of IN").isEqualTo(4999);
        release.countDown();
        java.util.concurrent.CompletableFuture.allOf(answers.toArray(java.util.concurrent.CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(task.puts).containsExactly("IN=1.0", "IN=9.0");
        assertThat(task.executes).hasValue(2);
    }

    @Test
    void putsAreCheckedBeforeTheyReachThePlugin() {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task(REACTIVE + "  outputs:\n    OUT: {type: int}\n", task);
        await("running").until(() -> status(r).equals("RUN"));
        assertThatThrownBy(() -> r.pv("IN").put(11)).isInstanceOf(PutRejectedException.class)
            .hasMessage("PV T:T0:IN: 11 is outside the drive limits 0.0..10.0");
        assertThatThrownBy(() -> r.pv("IN").put("abc")).isInstanceOf(PutRejectedException.class)
            .hasMessage("PV T:T0:IN: expected a number, got 'abc'");
        assertThatThrownBy(() -> r.pv("OUT").put(1)).isInstanceOf(PutRejectedException.class)
            .hasMessage("PV T:T0:OUT is read-only");
        assertThatThrownBy(() -> r.pv("STATUS").put(0)).isInstanceOf(PutRejectedException.class);
        assertThat(r.pv("IN").get()).isEqualTo(0.0);
        assertThat(task.puts).isEmpty();
    }

    @Test
    void initializeWatchdogGivesErrorAndNoCleanup() {
        ScriptedTask task = new ScriptedTask();
        task.onInitialize = () -> new CountDownLatch(1).await();
        TaskRunner r = fixture.task("parameters:\n  init_timeout: 0.2\n", task);
        await("error").until(() -> status(r).equals("ERROR"));
        assertThat(r.state().message()).isEqualTo("initialize() failed: initialize() timed out after 0.2 s");
        r.stop();
        assertThat(task.cleanups).hasValue(0);
    }

    @Test
    void initializeFailureGivesErrorAndNoCleanup() {
        ScriptedTask task = new ScriptedTask();
        task.onInitialize = () -> {
            throw new IllegalArgumentException("no device");
        };
        TaskRunner r = fixture.task(CONTINUOUS, task);
        await("error").until(() -> status(r).equals("ERROR"));
        assertThat(r.state().message()).isEqualTo("initialize() failed: no device");
        r.clear();
        assertThat(status(r)).isEqualTo("ERROR");
        r.stop();
        assertThat(task.cleanups).hasValue(0);
        assertThat(task.executes).hasValue(0);
    }

    @Test
    void executeWatchdogGivesErrorAndTheTaskGoesOn() {
        ScriptedTask task = new ScriptedTask();
        CountDownLatch hangOnce = new CountDownLatch(1);
        task.onExecute = () -> {
            if (hangOnce.getCount() > 0) {
                hangOnce.countDown();
                new CountDownLatch(1).await();
            }
        };
        TaskRunner r = fixture.task("parameters:\n  interval: 0.05\n  execute_timeout: 0.2\n", task);
        await("the watchdog counted an error").until(() -> r.state().errors() >= 1);
        await("runs again").until(() -> status(r).equals("RUN") && task.executes.get() >= 2);
    }

    @Test
    void cleanupRunsExactlyOnce() {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task(CONTINUOUS, task);
        TaskRunner witness = fixture.task(CONTINUOUS, new ScriptedTask());
        await("running").until(() -> r.state().cycles() >= 1);
        r.stop();
        r.stop();
        assertThat(task.cleanups).hasValue(1);
        assertThat(status(r)).isEqualTo("END");
        int after = task.executes.get();
        long witnessAt = witness.state().cycles();
        await("the witness ran 10 more cycles").until(() -> witness.state().cycles() >= witnessAt + 10);
        assertThat(task.executes).as("no cycle after stop").hasValue(after);
    }

    @Test
    void clearEndsErrorAndResetZeroesCounters() throws Exception {
        ScriptedTask task = new ScriptedTask();
        task.onExecute = () -> {
            throw new IllegalStateException("bad");
        };
        TaskRunner r = fixture.task(TRIGGERED, task);
        awaitReady(r);
        r.pv("RUN").put(1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(status(r)).isEqualTo("ERROR");
        r.pv("CLEAR").put(1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(status(r)).isEqualTo("INIT");
        assertThat(r.state().message()).isEqualTo("Ready for trigger");
        assertThat(pv(r, "CLEAR")).isEqualTo(0);
        assertThat(r.state().errors()).isEqualTo(1);
        r.pv("RESET").put(1).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(r.state().errors()).isZero();
        assertThat(pv(r, "RESET")).isEqualTo(0);
    }

    @Test
    void aConnectedLinkThatDropsIsSaidInMessageWhileTheStatusStays() throws Exception {
        TaskRunner r = fixture.task(TRIGGERED + "pvs:\n  inputs:\n    SRC: {link: 'OTHER:PV', link_mode: monitor}\n", new ScriptedTask());
        awaitReady(r);
        r.pv("SRC_CONN").set(0);
        assertThat(r.state().message()).as("never connected, so nothing was lost").isEqualTo("Ready for trigger");
        r.pv("SRC_CONN").set(1);
        r.pv("SRC_CONN").set(0);
        // the runner hears its link's state as any listener does, after the setter (the CA client) returned
        await("Link SRC lost").until(() -> r.state().message().equals("Link SRC lost"));
        assertThat(r.pv("MESSAGE").get()).isEqualTo("Link SRC lost");
        assertThat(status(r)).isEqualTo("INIT");
    }

    /**
     * The runtime announces STARTED while initialize() may already be changing the state on the plugin's thread: the
     * announced state is read in the same order as the plugin's own events, so the last event a view gets is never
     * older than one before it.
     */
    @Test
    void anAnnouncedEventWaitsForAChangeInProgressAndCarriesTheNewerState() throws Exception {
        List<PluginEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PluginSetup setup = new PluginSetup("ordered", "T:ORDERED", new ConfigParser("config.yaml").parse(TRIGGERED), "1.0", 1,
                fixture.clocks, e -> {
                    if (e.state().phase() == PluginPhase.READY && TaskStatus.INIT.name().equals(e.state().status())
                            && e.type() == PluginEvent.Type.STATE_CHANGED) {
                        inside.countDown();
                        awaitUninterruptibly(release);
                    }
                    events.add(e);
                });
        TaskRunner r = new TaskRunner(setup, new ScriptedTask());
        try {
            // the change may be told on the starting thread itself (initialize() done before start() returns)
            Thread.ofPlatform().start(r::start);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch announced = new CountDownLatch(1);
            Thread.ofPlatform().start(() -> {
                r.announce(PluginEvent.Type.STARTED);
                announced.countDown();
            });
            assertThat(announced.await(300, TimeUnit.MILLISECONDS)).as("announced while a change is being told").isFalse();
            release.countDown();
            assertThat(announced.await(10, TimeUnit.SECONDS)).isTrue();

            PluginEvent last = events.get(events.size() - 1);
            assertThat(last.type()).isEqualTo(PluginEvent.Type.STARTED);
            assertThat(last.state().message()).isEqualTo("Ready for trigger");
            assertThat(last.state().phase()).isEqualTo(PluginPhase.READY);
        } finally {
            release.countDown();
            r.stop();
        }
    }

    /** The plugin's thread may carry an interrupt from its watchdog: the wait must hold all the same. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latch.getCount() > 0 && System.nanoTime() < end) {
            try {
                latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException x) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
