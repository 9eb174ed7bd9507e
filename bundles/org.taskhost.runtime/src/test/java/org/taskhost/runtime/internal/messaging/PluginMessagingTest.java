package org.taskhost.runtime.internal.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.taskhost.api.messaging.Message;
import org.taskhost.api.messaging.MessageHandler;
import org.taskhost.api.messaging.Messaging;
import org.taskhost.api.messaging.Subscription;

class PluginMessagingTest {

    /** A broker service that remembers its subscriptions and can deliver to them. */
    static final class FakeBroker implements Messaging {
        final Map<String, MessageHandler> subscriptions = new ConcurrentHashMap<>();
        final List<String> published = new ArrayList<>();

        @Override
        public boolean connected() {
            return true;
        }

        @Override
        public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            published.add(topic + " " + new String(payload));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Subscription subscribe(String filter, MessageHandler handler) {
            subscriptions.put(filter, handler);
            return new Subscription() {
                @Override
                public String filter() {
                    return filter;
                }

                @Override
                public void close() {
                    subscriptions.remove(filter);
                }
            };
        }

        void send(String filter, String topic, String text) throws Exception {
            subscriptions.get(filter).onMessage(new Message(topic, text.getBytes(), 1, false));
        }
    }

    private final MessagingHub hub = new MessagingHub();
    private final List<PluginMessaging.Delivery> delivered = new ArrayList<>();
    private final PluginMessaging messaging = new PluginMessaging(hub, delivered::add);

    @Test
    void withoutABrokerAPublishFailsNamingTheSetting() {
        assertThat(messaging.connected()).isFalse();
        assertThat(messaging.publish("a/b", "x").toCompletableFuture())
                .failsWithin(java.time.Duration.ZERO).withThrowableThat().withMessageContaining("TASKHOST_MQTT_URL");
    }

    @Test
    void aSubscriptionMadeBeforeTheBrokerIsMadeWhenItComesAndAgainAfterItCameBack() throws Exception {
        messaging.subscribe("site/+/level", m -> { });
        FakeBroker first = new FakeBroker();
        hub.bind(() -> first);
        assertThat(first.subscriptions).containsOnlyKeys("site/+/level");
        first.send("site/+/level", "site/a/level", "4.5");
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.message().topic()).isEqualTo("site/a/level");
            assertThat(d.message().text()).isEqualTo("4.5");
        });
        FakeBroker second = new FakeBroker();
        hub.bind(null);
        hub.bind(() -> second);
        assertThat(second.subscriptions).containsOnlyKeys("site/+/level");
    }

    @Test
    void closingOnStopEndsEverySubscriptionAndRefusesNewOnes() {
        FakeBroker broker = new FakeBroker();
        hub.bind(() -> broker);
        messaging.subscribe("a/#", m -> { });
        Subscription b = messaging.subscribe("b", m -> { });
        b.close();
        assertThat(broker.subscriptions).containsOnlyKeys("a/#");
        messaging.close();
        assertThat(broker.subscriptions).isEmpty();
        assertThat(messaging.filters()).isEmpty();
        assertThatThrownBy(() -> messaging.subscribe("c", m -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBadFilterIsRefusedNamingTheRule() {
        assertThatThrownBy(() -> messaging.subscribe("a/#/b", m -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'#' must be a whole level");
    }

    @Test
    void publishGoesThroughTheBroker() {
        FakeBroker broker = new FakeBroker();
        hub.bind(() -> broker);
        messaging.publish("out/x", "hello");
        assertThat(broker.published).containsExactly("out/x hello");
    }
}
