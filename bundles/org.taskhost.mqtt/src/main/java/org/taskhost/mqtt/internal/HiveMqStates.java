package org.taskhost.mqtt.internal;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;

/**
 * Experiment of issue 17 item 7: the plugins' states over a connection of their own made by the HiveMQ MQTT client
 * (Netty), chosen with {@code TASKHOST_MQTT_STATES_CLIENT=hivemq}, to measure it against Paho in the same harness.
 * The same window as {@link MqttConnection} (800 unacknowledged, the sender woken at 600), so that {@link StateQueue}
 * coalesces alike; nothing is spooled.
 */
final class HiveMqStates implements StateSink, AutoCloseable {

    private final Mqtt3AsyncClient client;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final Object room = new Object();

    static boolean chosen() {
        return "hivemq".equals(System.getenv("TASKHOST_MQTT_STATES_CLIENT"));
    }

    HiveMqStates(MqttSettings settings) {
        URI url = URI.create(settings.url());
        Mqtt3ClientBuilder b = MqttClient.builder().useMqttVersion3().identifier(settings.clientId() + "-states")
                .serverHost(url.getHost()).serverPort(url.getPort()).automaticReconnectWithDefaultConfig();
        if ("ssl".equals(url.getScheme())) {
            b = b.sslConfig().trustManagerFactory(trust()).applySslConfig();
        }
        client = b.buildAsync();
        var connect = client.connectWith().cleanSession(true).keepAlive(30);
        if (settings.username() != null) {
            connect.simpleAuth().username(settings.username())
                    .password(settings.password() == null ? new byte[0] : settings.password().getBytes()).applySimpleAuth();
        }
        connect.send().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static TrustManagerFactory trust() {
        try {
            String store = System.getenv("TASKHOST_MQTT_TRUSTSTORE");
            String pw = System.getenv("TASKHOST_MQTT_TRUSTSTORE_PASSWORD");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store == null ? null : KeyStore.getInstance(Path.of(store).toFile(), pw == null ? null : pw.toCharArray()));
            return tmf;
        } catch (Exception e) {
            throw new IllegalArgumentException("TASKHOST_MQTT_TRUSTSTORE: " + e, e);
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        outstanding.incrementAndGet();
        return client.publishWith().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload).retain(retained).send()
                .handle((p, e) -> {
                    if (outstanding.decrementAndGet() < 600) {
                        synchronized (room) {
                            room.notifyAll();
                        }
                    }
                    if (e != null) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                    delivered.incrementAndGet();
                    return null;
                });
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
        return client.getState().isConnected();
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
        client.disconnect().orTimeout(3, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
