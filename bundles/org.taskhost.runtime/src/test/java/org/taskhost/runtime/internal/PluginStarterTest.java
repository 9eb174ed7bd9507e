package org.taskhost.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.taskhost.api.runtime.PluginOperationException;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginState;
import org.taskhost.runtime.internal.config.ConfigParser;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.lifecycle.Runner;

/**
 * A start waits for initialize() without holding a monitor: on JDK 21 to 23 a virtual thread that parks inside
 * {@code synchronized} pins its carrier. The waiting thread here is a platform thread so that the JVM can list the
 * monitors it holds.
 */
class PluginStarterTest {

    private final ExecutorService starter = Executors.newSingleThreadExecutor();
    private final AtomicLong starterId = new AtomicLong();
    private final Bundle bundle = mock(Bundle.class);
    private final Runner runner = mock(Runner.class);
    private final CompletableFuture<PluginPhase> started = new CompletableFuture<>();
    private final PluginEntry entry = new PluginEntry(bundle, "slow");

    @AfterEach
    void close() {
        starter.shutdownNow();
    }

    private Future<PluginEntry> startInBackground() throws Exception {
        PluginDescriptor config = new ConfigParser("config.yaml").parse("parameters:\n  init_timeout: 5\n");
        when(bundle.getState()).thenReturn(Bundle.ACTIVE);
        when(runner.config()).thenReturn(config);
        when(runner.started()).thenReturn(started);
        when(runner.name()).thenReturn("slow");
        return starter.submit(() -> {
            starterId.set(Thread.currentThread().threadId());
            return new PluginStarter().start(entry);
        });
    }

    private ThreadInfo starterThread() {
        return ManagementFactory.getThreadMXBean().getThreadInfo(new long[] {starterId.get()}, true, true)[0];
    }

    @Test
    void waitsForTheCreatedPluginAndItsInitializeWithoutHoldingAMonitor() throws Exception {
        Future<PluginEntry> start = startInBackground();
        await("the start waits for the plugin to be created").atMost(Duration.ofSeconds(10))
                .until(() -> starterId.get() != 0 && starterThread().getThreadState() == Thread.State.TIMED_WAITING);
        assertThat(starterThread().getLockedMonitors()).as("monitors held while waiting to be created").isEmpty();

        entry.created(runner, null);
        await("the start waits for initialize()").atMost(Duration.ofSeconds(10))
                .until(() -> starterThread().getThreadState() == Thread.State.TIMED_WAITING
                        && String.valueOf(starterThread().getLockName()).contains("CompletableFuture"));
        assertThat(starterThread().getLockedMonitors()).as("monitors held while waiting for initialize()").isEmpty();
        assertThat(entry.operation.tryLock()).as("a second operation on the plugin waits for the start").isFalse();

        started.complete(PluginPhase.READY);
        assertThat(start.get()).isSameAs(entry);
        assertThat(entry.operation.isLocked()).isFalse();
    }

    @Test
    void aFailedInitializeIsAFailedStartAndFreesThePlugin() throws Exception {
        when(runner.state()).thenReturn(new PluginState("ERROR", 3, "initialize() threw: no device", false, 0, 0, 0, null,
                PluginPhase.FAILED));
        Future<PluginEntry> start = startInBackground();
        entry.created(runner, null);
        started.complete(PluginPhase.FAILED);
        assertThatThrownBy(start::get).hasCauseInstanceOf(PluginOperationException.class)
                .hasMessageContaining("plugin 'slow' did not start: initialize() threw: no device");
        assertThat(entry.operation.isLocked()).isFalse();
    }
}
