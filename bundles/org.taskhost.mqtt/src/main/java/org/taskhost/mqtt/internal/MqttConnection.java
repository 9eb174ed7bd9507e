package org.taskhost.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osgi.service.log.Logger;
import org.taskhost.api.messaging.Message;
import org.taskhost.mqtt.internal.OfflineSpool.Entry;

/**
 * The one connection to the broker: connects and reconnects with backoff, makes every subscription again after each
 * connect (a clean session keeps none, and Paho does not restore them), hands received messages to their handlers
 * on one dispatch thread (never Paho's), and keeps QoS 1 messages in the {@link OfflineSpool} while the broker is
 * away, delivering them in order before anything newer.
 */
final class MqttConnection implements StateSink {

    static final long MAX_RETRY_MS = 30_000;
    private static final int DRAIN_BATCH = 500;
    /**
     * Paho's window is 1000 messages; retained states take at most this much of it, the rest is for everything else.
     * Counted here (see {@link #noRoom}): work around Paho, measured against a client with flow control of its own on
     * 2026-12-04 (figures in {@link BrokerSockets}).
     */
    static final int STATE_WINDOW = 800;
    /** a waiting sender is woken once the window has drained to here, so that it sends a run of messages, not one per ack */
    private static final int STATE_RESUME = 600;
    private static final long ROOM_POLL_MS = 10;

    private final Logger log;
    private final MqttSettings settings;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final OfflineSpool spool;
    private final ScheduledExecutorService scheduler;
    /** sends the offline buffer, waiting for the broker's acknowledgements; never the scheduler, which PV values need */
    private final ScheduledExecutorService drainer;
    private final ThreadPoolExecutor dispatcher;
    private final Map<String, List<Consumer<Message>>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final AtomicLong spooled = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receivedDropped = new AtomicLong();
    private final ConnectFailures failures;
    private volatile Runnable onConnect = () -> { };
    private volatile String state = "connecting";
    private volatile boolean closed;
    private volatile boolean draining;
    private volatile long retryMs = 1000;
    private final Object room = new Object();
    private final java.util.concurrent.atomic.AtomicInteger outstanding = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean roomWanted;
    private volatile long lastCompletion = System.nanoTime();

    MqttConnection(MqttSettings settings, ConnectionSettings connection, byte[] will, Logger log) throws MqttException {
        this.settings = settings;
        this.log = log;
        this.failures = new ConnectFailures(settings, log);
        this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        this.spool = connection.buffer() == 0 ? null : new OfflineSpool(connection.spool(), connection.buffer(), log::warn);
        options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) MAX_RETRY_MS);
        options.setMaxInflight(1000);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        options.setWill(settings.statusTopic(), will, 1, true);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        if (settings.url().startsWith("ssl:")) {
            options.setSocketFactory(BrokerSockets.tls(connection.socketFactory() != null ? connection.socketFactory()
                    : (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault()));
        } else {
            options.setSocketFactory(BrokerSockets.tcp());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("taskhost-mqtt").factory());
        drainer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("taskhost-mqtt-buffer").factory());
        dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000),
                Thread.ofPlatform().daemon().name("taskhost-mqtt-dispatch").factory());
        client.setCallback(new Callback());
    }

    /** @param whenConnected runs after every (re)connect, subscriptions made, before the offline buffer is sent */
    void start(Runnable whenConnected) {
        this.onConnect = whenConnected;
        log.info("MQTT: connecting to " + settings.url() + " as " + settings.clientId());
        schedule(this::connect, 0);
    }

    @Override
    public boolean connected() {
        return !closed && client.isConnected();
    }

    /** The first connection; Paho's automatic reconnect takes over only after one succeeded, so failures retry here. */
    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // the callback's connectComplete goes on
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    retryLater(e);
                }
            });
        } catch (MqttException e) {
            retryLater(e);
        }
    }

    private void retryLater(Throwable e) {
        if (closed) {
            return;
        }
        state = "connecting (retry in " + retryMs / 1000 + " s)";
        failures.failed("cannot connect to " + settings.url() + ": " + failures.reason(e) + "; retrying in " + retryMs / 1000 + " s");
        schedule(this::connect, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }

    /**
     * QoS 1 and 2 wait in the offline buffer while the broker is away or older messages are still waiting; QoS 0 is
     * sent now or not at all.
     *
     * @return completes when the broker has the message
     */
    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            notSent.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("MQTT is stopping"));
        }
        Entry entry = new Entry(topic, payload, qos, retained, done);
        if (qos > 0 && spool != null) {
            synchronized (spool) {
                if (!client.isConnected() || !spool.isEmpty()) {
                    spoolIt(entry);
                    return done;
                }
            }
        }
        send(entry);
        return done;
    }

    @Override
    public boolean awaitRoom(long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        // the checks run outside the monitor: the spool's takes its own lock, which may be writing the file
        while (noRoom()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                healCount();
                return false;
            }
            synchronized (room) {
                roomWanted = true;
                // a wake-up missed between the check and here costs at most this wait
                room.wait(Math.max(1, Math.min(ROOM_POLL_MS, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
        roomWanted = false;
        return true;
    }

    /**
     * Connected with a full window, or with the offline buffer still being sent: anything new would only wait. The
     * window is what was handed to Paho and not yet acknowledged, counted here: Paho's own in-flight count leaves out
     * what waits in its queue for a socket that is slow to take it.
     */
    private boolean noRoom() {
        return !closed && client.isConnected() && (outstanding.get() >= STATE_WINDOW || spool != null && !spool.isEmpty());
    }

    /**
     * A publish whose token Paho never completed (one lost with its connection, say) would keep the window full for
     * ever: once nothing has completed for a second, what Paho still holds bounds the count from above. Not sooner:
     * while acknowledgements flow the count is right, and a bound taken mid-publish could be too low.
     */
    private void healCount() {
        if (System.nanoTime() - lastCompletion > TimeUnit.SECONDS.toNanos(1)) {
            int held = client.getPendingDeliveryTokens().length;
            outstanding.getAndUpdate(n -> Math.max(0, Math.min(n, held)));
        }
    }

    /** One publish handed to Paho has ended (acknowledged, failed or refused). */
    private void roomFreed() {
        lastCompletion = System.nanoTime();
        if (outstanding.decrementAndGet() < STATE_RESUME && roomWanted) {
            wakeSender();
        }
    }

    private void wakeSender() {
        if (roomWanted) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    /** Now or never: replies and PV values, whose worth is now. */
    @Override
    public boolean publishNow(String topic, byte[] payload, int qos, boolean retained) {
        if (!connected()) {
            notSent.incrementAndGet();
            return false;
        }
        send(new Entry(topic, payload, qos, retained, null));
        return true;
    }

    private void send(Entry e) {
        outstanding.incrementAndGet();
        try {
            client.publish(e.topic(), e.payload(), e.qos(), e.retained(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    delivered.incrementAndGet();
                    roomFreed();
                    complete(e, null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable x) {
                    roomFreed();
                    if (!requeue(e)) {
                        failed.incrementAndGet();
                        failures.failed("publish on " + e.topic() + " failed: " + failures.reason(x));
                        complete(e, x);
                    }
                }
            });
        } catch (MqttException | RuntimeException x) {
            roomFreed();
            if (!requeue(e)) {
                notSent.incrementAndGet();
                log.debug("not published on " + e.topic() + ": " + failures.reason(x));
                complete(e, x);
            }
        }
    }

    /** A QoS 1 message the connection lost, or too many in flight: into the buffer, in order from here on. */
    private boolean requeue(Entry e) {
        if (e.qos() == 0 || spool == null || closed || e.done() == null) {
            return false;
        }
        synchronized (spool) {
            spoolIt(e);
        }
        return true;
    }

    private void spoolIt(Entry e) {
        spool.add(e);
        spooled.incrementAndGet();
        if (client.isConnected()) {
            drainLater(0);
        }
    }

    private void drainLater(long ms) {
        try {
            drainer.schedule(this::drain, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private static void complete(Entry e, Throwable x) {
        if (e.done() != null) {
            if (x == null) {
                e.done().complete(null);
            } else {
                e.done().completeExceptionally(x);
            }
        }
    }

    /** Sends the buffer oldest first, a batch at a time, removing a batch only when the broker has all of it. */
    private void drain() {
        if (spool == null || draining) {
            return;
        }
        draining = true;
        try {
            while (!closed && client.isConnected()) {
                List<Entry> batch = spool.head(DRAIN_BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                if (!sendAll(batch)) {
                    break;
                }
                spool.delivered(batch);
                delivered.addAndGet(batch.size());
                batch.forEach(e -> complete(e, null));
            }
        } finally {
            draining = false;
            wakeSender();
        }
        if (!closed && client.isConnected() && !spool.isEmpty()) {
            drainLater(100);
        }
    }

    private boolean sendAll(List<Entry> batch) {
        List<IMqttDeliveryToken> tokens = new ArrayList<>(batch.size());
        try {
            for (Entry e : batch) {
                tokens.add(client.publish(e.topic(), e.payload(), e.qos(), e.retained()));
            }
            for (IMqttDeliveryToken t : tokens) {
                t.waitForCompletion(10_000);
            }
            return true;
        } catch (MqttException e) {
            log.debug("offline buffer: sending stopped (" + failures.reason(e) + "); it goes on at the next connection");
            return false;
        }
    }

    /**
     * @param filter a topic filter
     * @param handler gets every message matching it, on the dispatch thread
     * @return closes this handler's subscription
     */
    Runnable subscribe(String filter, Consumer<Message> handler) {
        List<Consumer<Message>> handlers = subscriptions.computeIfAbsent(filter, f -> new CopyOnWriteArrayList<>());
        boolean first;
        synchronized (handlers) {
            first = handlers.isEmpty();
            handlers.add(handler);
        }
        if (first && connected()) {
            subscribeOnBroker(filter);
        }
        return () -> {
            synchronized (handlers) {
                handlers.remove(handler);
                if (handlers.isEmpty() && subscriptions.remove(filter, handlers) && connected()) {
                    try {
                        client.unsubscribe(filter);
                    } catch (MqttException e) {
                        log.debug("unsubscribe " + filter + ": " + failures.reason(e));
                    }
                }
            }
        };
    }

    private void subscribeOnBroker(String filter) {
        try {
            client.subscribe(filter, 1, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] qos = token.getGrantedQos();
                    if (qos != null && qos.length > 0 && qos[0] == 0x80) {
                        failures.failed("the broker refused the subscription to " + filter);
                    } else {
                        log.info("subscribed to " + filter);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    failures.failed("cannot subscribe to " + filter + ": " + failures.reason(e));
                }
            });
        } catch (MqttException | RuntimeException e) {
            failures.failed("cannot subscribe to " + filter + ": " + failures.reason(e));
        }
    }

    /** @return the topics of the messages waiting in the offline buffer */
    @Override
    public List<String> bufferedTopics() {
        return spool == null ? List.of() : spool.head(Integer.MAX_VALUE).stream().map(Entry::topic).distinct().toList();
    }

    /** @return the filters subscribed to */
    List<String> filters() {
        return List.copyOf(subscriptions.keySet());
    }

    void schedule(Runnable r, long ms) {
        try {
            scheduler.schedule(r, ms, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    void scheduleNanos(Runnable r, long nanos) {
        try {
            scheduler.schedule(r, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Paho's callbacks; never blocks nor throws on Paho's thread. */
    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            state = "connected";
            retryMs = 1000;
            failures.clear();
            log.info((reconnect ? "reconnected to " : "connected to ") + serverURI + " as " + settings.clientId()
                    + ", status on " + settings.statusTopic()
                    + (spool != null && !spool.isEmpty() ? ", " + spool.size() + " buffered messages to send" : ""));
            schedule(() -> {
                subscriptions.keySet().forEach(MqttConnection.this::subscribeOnBroker);
                onConnect.run();
                drainLater(0);
            }, 0);
        }

        @Override
        public void connectionLost(Throwable cause) {
            state = "reconnecting";
            wakeSender();
            failures.failed("connection lost: " + failures.reason(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage m) {
            received.incrementAndGet();
            Message message = new Message(topic, m.getPayload(), m.getQos(), m.isRetained());
            try {
                dispatcher.execute(() -> dispatch(message));
            } catch (RejectedExecutionException e) {
                receivedDropped.incrementAndGet();
                log.warn("message on " + topic + " dropped: " + (closed ? "stopping" : "more than 10000 messages waiting"));
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // counted by each publish's listener
        }
    }

    private void dispatch(Message message) {
        for (Map.Entry<String, List<Consumer<Message>>> s : subscriptions.entrySet()) {
            if (MqttTopic.isMatched(s.getKey(), message.topic())) {
                for (Consumer<Message> h : s.getValue()) {
                    try {
                        h.accept(message);
                    } catch (RuntimeException e) {
                        log.warn("handler of " + s.getKey() + " failed on " + message.topic() + ": " + e);
                    }
                }
            }
        }
    }

    /** What {@code taskhost:mqtt} shows of the connection. */
    void describe(Map<String, Object> m) {
        m.put("connection", state);
        m.put("connected", connected());
        m.put("published", delivered.get());
        m.put("failed", failed.get());
        m.put("not_sent", notSent.get());
        m.put("buffered", spool == null ? 0 : spool.size());
        m.put("buffer_limit", spool == null ? 0 : spool.bound());
        m.put("buffer_dropped", spool == null ? 0 : spool.dropped());
        m.put("buffered_total", spooled.get());
        m.put("buffer_file", spool == null ? null : spool.file().toString());
        m.put("buffer_write_failures", spool == null ? 0 : spool.writeFailures());
        m.put("buffer_last_error", spool == null ? null : spool.lastWriteError());
        m.put("subscriptions", filters());
        m.put("received", received.get());
        m.put("received_dropped", receivedDropped.get());
        failures.describe(m);
    }

    /** The offline status, retained, then a clean disconnect, so that the broker does not send the Last Will. */
    void close(byte[] offline) {
        closed = true;
        scheduler.shutdownNow();
        drainer.shutdownNow();
        dispatcher.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(settings.statusTopic(), offline, 1, true).waitForCompletion(3000);
                client.disconnect(1000).waitForCompletion(3000);
                log.info("MQTT: offline published, disconnected from " + settings.url());
            }
        } catch (MqttException e) {
            log.warn("MQTT: no clean disconnect: " + failures.reason(e));
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                log.debug("close: " + failures.reason(e));
            }
            if (spool != null) {
                spool.close();
            }
            state = "closed";
        }
    }
}
