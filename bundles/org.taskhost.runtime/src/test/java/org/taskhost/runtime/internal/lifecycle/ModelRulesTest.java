package org.taskhost.runtime.internal.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.api.PluginContext;
import org.taskhost.api.pv.PvListener;
import org.taskhost.api.runtime.ManagedPlugin;
import org.taskhost.api.runtime.PluginListener;
import org.taskhost.api.runtime.PluginPhase;

/** The rules of the model that views rely on: typed phase, isolated listeners, live parameters, a private context. */
class ModelRulesTest {

    private final Fixture fixture = new Fixture();

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aTaskThatSetsItsMessageAndThrowsInInitializeIsFailedNotReady() throws Exception {
        ScriptedTask task = new ScriptedTask();
        ContextGrabber grab = new ContextGrabber();
        task.onInitialize = () -> {
            grab.context.get().setMessage("connecting...");
            throw new IllegalStateException("no device");
        };
        TaskRunner r = fixture.task(TaskRunnerTest.CONTINUOUS, grab.wrap(task));
        assertThat(r.started().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(PluginPhase.FAILED);
        assertThat(r.state().phase()).isEqualTo(PluginPhase.FAILED);
        assertThat(r.state().message()).isEqualTo("initialize() failed: no device");
    }

    @Test
    void aGoodTaskIsReadyAndAStoppedOneIsStopped() throws Exception {
        TaskRunner r = fixture.task(TaskRunnerTest.CONTINUOUS, new ScriptedTask());
        assertThat(r.started().toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(PluginPhase.READY);
        r.stop();
        assertThat(r.state().phase()).isEqualTo(PluginPhase.STOPPED);
    }

    @Test
    void throwingAndBlockingViewsDoNotSlowOrFailARunningTask() {
        CountDownLatch never = new CountDownLatch(1);
        AtomicLong healthy = new AtomicLong();
        fixture.views.add((PvListener) (pv, value) -> {
            throw new IllegalStateException("view bug");
        });
        fixture.views.add((PvListener) (pv, value) -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fixture.views.add((PluginListener) event -> {
            throw new IllegalStateException("view bug");
        });
        fixture.views.add((PvListener) (pv, value) -> healthy.incrementAndGet());
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task("parameters:\n  interval: 0.005\n", task);
        await("100 cycles").until(() -> r.state().cycles() >= 100);
        assertThat(r.state().status()).isEqualTo("RUN");
        assertThat(r.state().errors()).isZero();
        assertThat(r.state().phase()).isEqualTo(PluginPhase.READY);
        await("the healthy view hears values").until(() -> healthy.get() >= 50);
        never.countDown();
    }

    @Test
    void intervalFollowsALiveParameterUpdate() {
        ScriptedTask task = new ScriptedTask();
        TaskRunner r = fixture.task("parameters:\n  interval: 30\n", task);
        await("ready").until(() -> r.phase() == PluginPhase.READY);
        long before = r.state().cycles();
        r.updateParameters(Map.of("interval", 0.01));
        await("cycles at the new interval").until(() -> r.state().cycles() >= before + 20);
    }

    @Test
    void aBadParameterUpdateIsRefusedNamingTheFieldAndChangesNothing() {
        TaskRunner r = fixture.task(TaskRunnerTest.CONTINUOUS, new ScriptedTask());
        assertThatThrownBy(() -> r.updateParameters(Map.of("interval", 0)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters.interval");
        assertThatThrownBy(() -> r.updateParameters(Map.of("interval", "fast")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parameters.interval");
        assertThat(r.parameterValues()).containsEntry("interval", 0.02);
    }

    @Test
    void aPluginCannotCastItsContextToTheManagedPlugin() throws Exception {
        ContextGrabber grab = new ContextGrabber();
        TaskRunner r = fixture.task(TaskRunnerTest.CONTINUOUS, grab.wrap(new ScriptedTask()));
        r.started().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(grab.context.get()).isNotNull().isNotInstanceOf(ManagedPlugin.class).isNotSameAs(r);
    }

    /** Keeps the context a task was given, as a plugin could. */
    static final class ContextGrabber {
        final AtomicReference<PluginContext> context = new AtomicReference<>();

        ScriptedTask wrap(ScriptedTask task) {
            ScriptedTask.Step init = task.onInitialize;
            return new ScriptedTask() {
                {
                    onInitialize = () -> {
                        context.set(contextOf(this));
                        init.run();
                    };
                    onExecute = task.onExecute;
                }
            };
        }

        private static PluginContext contextOf(ScriptedTask t) {
            return t.exposedContext();
        }
    }
}
