package org.taskhost.mqtt.internal;

import static org.mockito.Mockito.when;
import static org.mockito.Mockito.mock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.taskhost.api.runtime.PluginEvent;
import org.taskhost.api.runtime.PluginInfo;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;
import org.taskhost.api.runtime.PluginPhase;
import org.taskhost.api.runtime.PluginRuntime;
import org.taskhost.api.runtime.PluginState;

class StatePublisherTest {

    private static final String TOPIC = "th/n1/plugins/monitor/state";

    @Test
    void aStateChangeDuringAnAnnounceEndsAsTheRetainedState() throws Exception {
        RecordingSink sink = new RecordingSink();
        PluginInfo initializing = info("monitor", PluginPhase.INITIALIZING);
        AtomicReference<StatePublisher> publisher = new AtomicReference<>();
        CountDownLatch eventPublished = new CountDownLatch(1);
        AtomicReference<Thread> events = new AtomicReference<>();
        PluginRuntime runtime = runtime(initializing, () -> {
            // the runtime's listener thread delivers "ready" while the announce holds its snapshot of "initializing"
            Thread t = new Thread(() -> {
                publisher.get().pluginEvent(new PluginEvent("monitor", PluginEvent.Type.STATE_CHANGED,
                        state(PluginPhase.READY), Instant.now()));
                eventPublished.countDown();
            });
            events.set(t);
            t.start();
            // without the lock the event is published now; with it, the event thread blocks on the publisher's order
            // lock (a plain Object) until the announce is done: wait for either, not for a time
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (eventPublished.getCount() > 0 && !blockedOnAPlainObject(t) && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        });
        MqttSettings settings = new MqttSettings("tcp://localhost:1", "c", null, null, "th", "n1");
        publisher.set(new StatePublisher(runtime, settings, sink, "1", Instant.now(), () -> { }));

        publisher.get().announce();
        events.get().join(5000);
        publisher.get().close();

        assertThat(events.get().isAlive()).as("the event thread ended").isFalse();
        List<String> states = sink.payloads(TOPIC);
        assertThat(states).isNotEmpty();
        assertThat(states.get(states.size() - 1)).as("the last state handed to the broker").contains("\"phase\":\"ready\"");
    }

    private static boolean blockedOnAPlainObject(Thread t) {
        java.lang.management.ThreadInfo info = java.lang.management.ManagementFactory.getThreadMXBean().getThreadInfo(t.threadId());
        return info != null && info.getThreadState() == Thread.State.BLOCKED && info.getLockInfo() != null
                && info.getLockInfo().getClassName().equals(Object.class.getName());
    }

    @Test
    void aRemovedPluginIsClearedAndAnnouncedAgainAfterAReconnectIsNot() {
        RecordingSink sink = new RecordingSink();
        PluginInfo ready = info("monitor", PluginPhase.READY);
        MqttSettings settings = new MqttSettings("tcp://localhost:1", "c", null, null, "th", "n1");
        AtomicReference<Boolean> present = new AtomicReference<>(true);
        PluginRuntime runtime = new PluginRuntimeStub(() -> present.get() ? List.of(ready) : List.of(), () -> { });
        StatePublisher publisher = new StatePublisher(runtime, settings, sink, "1", Instant.now(), () -> { });
        publisher.announce();
        present.set(false);
        publisher.pluginEvent(new PluginEvent("monitor", PluginEvent.Type.REMOVED, state(PluginPhase.STOPPED), Instant.now()));
        publisher.announce();
        publisher.close();

        List<String> states = sink.payloads(TOPIC);
        assertThat(states).isNotEmpty();
        assertThat(states.get(states.size() - 1)).as("the clear, last").isEmpty();
        assertThat(states.stream().filter(String::isEmpty)).as("cleared once").hasSize(1);
    }

    private static PluginRuntime runtime(PluginInfo only, Runnable whileListing) {
        return new PluginRuntimeStub(() -> List.of(only), whileListing);
    }

    private static PluginState state(PluginPhase phase) {
        return new PluginState("Ok", 0, phase.name(), true, 0, 0, 0, null, phase);
    }

    private static PluginInfo info(String name, PluginPhase phase) {
        PluginInfo info = mock(PluginInfo.class, name);
        when(info.name()).thenReturn(name);
        when(info.kind()).thenReturn(PluginKind.TASK);
        when(info.mode()).thenReturn(PluginMode.CONTINUOUS);
        when(info.phase()).thenReturn(phase);
        when(info.state()).thenReturn(state(phase));
        return info;
    }

    /** Records what is handed to the connection, in order. */
    private static final class RecordingSink implements StateSink {
        private final List<String[]> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            sent.add(new String[] {topic, new String(payload, StandardCharsets.UTF_8)});
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean publishNow(String topic, byte[] payload, int qos, boolean retained) {
            sent.add(new String[] {topic, new String(payload, StandardCharsets.UTF_8)});
            return true;
        }

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public boolean awaitRoom(long maxMillis) {
            return true;
        }

        @Override
        public List<String> bufferedTopics() {
            return List.of();
        }

        List<String> payloads(String topic) {
            return sent.stream().filter(s -> s[0].equals(topic)).map(s -> s[1]).toList();
        }
    }
}
