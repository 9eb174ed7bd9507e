package org.taskhost.mqtt.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Experiment of issue 17 item 7, the control for {@link HiveMqStates}: the states over a Paho connection of their own
 * (with taskhost's sockets, plain TCP only), chosen with {@code TASKHOST_MQTT_STATES_CLIENT=paho2}, so that a second
 * connection is not counted as the other client's merit. The same window.
 */
final class PahoStates implements StateSink, AutoCloseable {

    private final MqttAsyncClient client;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final Object room = new Object();

    static boolean chosen() {
        return "paho2".equals(System.getenv("TASKHOST_MQTT_STATES_CLIENT"));
    }

    PahoStates(MqttSettings settings) {
        try {
            client = new MqttAsyncClient(settings.url(), settings.clientId() + "-states", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setAutomaticReconnect(true);
            o.setMaxInflight(1000);
            o.setSocketFactory(BrokerSockets.tcp());
            client.connect(o).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        outstanding.incrementAndGet();
        try {
            client.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    delivered.incrementAndGet();
                    freed();
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    freed();
                    done.completeExceptionally(e);
                }
            });
        } catch (MqttException e) {
            freed();
            done.completeExceptionally(e);
        }
        return done;
    }

    private void freed() {
        if (outstanding.decrementAndGet() < 600) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    @Override
    public boolean publishNow(String topic, byte[] payload, int qos, boolean retained) {
        if (!connected()) {
            return false;
        }
        publish(topic, payload, qos, retained);
        return true;
    }

    @Override
    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public boolean awaitRoom(long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (room) {
            while (connected() && outstanding.get() >= MqttConnection.STATE_WINDOW) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                room.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return true;
    }

    @Override
    public List<String> bufferedTopics() {
        return List.of();
    }

    long delivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        try {
            client.disconnect(1000).waitForCompletion(3000);
            client.close(true);
        } catch (MqttException e) {
            // closing
        }
    }
}
