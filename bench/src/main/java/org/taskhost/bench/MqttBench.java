package org.taskhost.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * MQTT figures of the launched taskhost against a mosquitto of its own, with a Paho subscriber in this JVM.
 * <ul>
 * <li>{@code latency}: a PV value's way to a subscriber. One plugin with a float input PV {@code IN}, changed by a
 * Channel Access put (CAJ, no callback) or an MQTT {@code put} command, one at a time, 1-3 ms apart; the subscriber
 * of {@code .../pvs/IN} notes when each value arrives. {@code TASKHOST_MQTT_PV_INTERVAL=0}: every change is sent. Then
 * a control without taskhost for Nagle's algorithm ({@code -Dlatency.control=false} leaves it out).</li>
 * <li>{@code states}: state messages per second. 100 task plugins at 100 Hz each set MESSAGE {@code BURST} times per
 * cycle (an input PV the harness puts over REST), so the offered rate is about 10,000 x BURST changes/s; the
 * subscriber of {@code .../plugins/+/state} counts what arrives, against what the plugins changed (the number in
 * their MESSAGE, read over REST) and taskhost's own counters ({@code GET /api/v1/mqtt}).</li>
 * </ul>
 * Arguments: top folder, {@code latency}, {@code states} or {@code all}. Properties: {@code latency.n} (2000),
 * {@code latency.driver} ({@code ca} or {@code mqtt}), {@code states.bursts} (1,2,3,5), {@code states.seconds} (10),
 * {@code states.plugins} (100), {@code states.interval} (each plugin's cycle, 0.01 s), {@code states.qos} (the subscriber's QoS, 1), {@code states.subscriber} (true: a Paho
 * client in this JVM; {@code mosquitto_sub}: Debian's C client; false: no subscriber, the broker's acknowledgements
 * are what is counted), {@code mqtt.jfr} (a file: a JFR
 * profile of taskhost over the states measurement).
 */
public final class MqttBench {

    static final String ROOT = "bench";
    static final String NODE = "bench";
    private static final Pattern VALUE = Pattern.compile("\"value\":([-0-9.eE]+),\"timestamp\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Mosquitto broker;
    private final ShellSession taskhost;
    private final URI base;
    private final String token;
    private final int caPort;

    private MqttBench(Path top, Mosquitto broker, Map<String, String> extra) throws Exception {
        this.broker = broker;
        int port = ShellSession.freePort();
        caPort = ShellSession.freePort();
        Path data = Files.createTempDirectory("mqttbench-data");
        Map<String, String> env = new HashMap<>(ShellSession.caOnLoopback(caPort));
        env.putAll(Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_PORT", String.valueOf(port), "TASKHOST_SAMPLES", "false",
                "TASKHOST_MQTT_URL", broker.taskhostUrl(), "TASKHOST_MQTT_ROOT", ROOT, "TASKHOST_MQTT_NODE", NODE,
                // the latency run drives pvlat with put commands, which no default accepts
                "TASKHOST_MQTT_COMMANDS", "put", "TASKHOST_MQTT_COMMAND_PLUGINS", "pvlat"));
        if (broker.trustStore != null) {
            env.put("TASKHOST_MQTT_TRUSTSTORE", broker.trustStore.toString());
            env.put("TASKHOST_MQTT_TRUSTSTORE_PASSWORD", Mosquitto.TRUST_PASSWORD);
        }
        env.putAll(extra);
        taskhost = new ShellSession(top, env);
        taskhost.await("REST API admin token", 0, 60);
        taskhost.await("[mqtt] connected to", 0, 60);
        base = URI.create("http://127.0.0.1:" + port + "/api/v1/");
        token = Files.readString(data.resolve("admin.token")).trim();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (send("GET", "plugins", null).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("GET /api/v1/plugins never answered 200");
            }
            Thread.sleep(100);
        }
    }

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        String what = args.length > 1 ? args[1] : "all";
        System.out.printf("machine: %d cores, %s %s; mosquitto %s; %s; taskhost to the broker over %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), mosquittoVersion(), java.time.Instant.now(),
                Boolean.getBoolean("mqtt.tls") ? "TLS" : "plain TCP");
        if (what.equals("latency") || what.equals("all")) {
            try (Mosquitto broker = new Mosquitto()) {
                MqttBench b = new MqttBench(top, broker, Map.of("TASKHOST_MQTT_PV_INTERVAL", "0"));
                try {
                    b.latency(Integer.getInteger("latency.n", 2000), System.getProperty("latency.driver", "ca"));
                } finally {
                    b.taskhost.close();
                }
            }
        }
        if (what.equals("states") || what.equals("all")) {
            try (Mosquitto broker = new Mosquitto()) {
                MqttBench b = new MqttBench(top, broker, Map.of());
                try {
                    b.states(Integer.getInteger("states.plugins", 100), Arrays.stream(System.getProperty("states.bursts", "1,2,3,5")
                            .split(",")).mapToInt(Integer::parseInt).toArray(), Integer.getInteger("states.seconds", 10));
                } finally {
                    b.taskhost.close();
                }
            }
        }
    }

    // ---------------------------------------------------------------- latency

    /** One arrival: System.nanoTime and the wall clock here, and the value's own timestamp (taskhost's wall clock). */
    private record Arrival(long nanos, Instant wall, Instant pvTimestamp) {
    }

    private volatile double expected = Double.NaN;
    private volatile CompletableFuture<Arrival> arrival = new CompletableFuture<>();

    private void latency(int n, String driver) throws Exception {
        add("pvlat", """
                import org.taskhost.api.TaskBase;
                public class Pvlat extends TaskBase {
                    public void initialize() { }
                    public void execute() { }
                    public void cleanup() { }
                    public void onPut(String pv, Object value) { }
                }
                """, "parameters:\n  mode: triggered\npvs:\n  inputs:\n    IN: {type: float, value: 0}\n");
        String prefix = field(send("GET", "plugins/pvlat", null).body(), "pv_prefix");
        String topic = ROOT + "/" + NODE + "/plugins/pvlat/pvs/IN";
        MqttAsyncClient sub = client("bench-lat-sub", new Callback() {
            @Override
            public void messageArrived(String t, MqttMessage m) {
                long nanos = System.nanoTime();
                Instant wall = Instant.now();
                Matcher v = VALUE.matcher(new String(m.getPayload(), StandardCharsets.UTF_8));
                if (v.find() && Double.parseDouble(v.group(1)) == expected) {
                    arrival.complete(new Arrival(nanos, wall, Instant.parse(v.group(2))));
                }
            }
        });
        sub.subscribe(topic, 0).waitForCompletion(10_000);
        Putter put = driver.equals("mqtt") ? mqttPut(sub) : caPut(prefix + ":IN");
        int warmup = Math.max(200, n / 10);
        long[] cpu0 = null;
        long w0 = 0;
        long[] total = new long[n];
        long[] toReceipt = new long[n];
        long[] toSet = new long[n];
        for (int i = -warmup; i < n; i++) {
            double value = 1 + Math.floorMod(i, 9000) / 100.0;
            arrival = new CompletableFuture<>();
            expected = value;
            long t0 = System.nanoTime();
            Instant wall0 = Instant.now();
            put.put(value);
            Arrival a = arrival.get(10, TimeUnit.SECONDS);
            if (i == 0) {
                cpu0 = new long[] {cpu(taskhost.process.toHandle()), cpu(broker.process.toHandle()), cpu(ProcessHandle.current()), machineBusy()};
                w0 = System.nanoTime();
            }
            if (i >= 0) {
                total[i] = a.nanos() - t0;
                toReceipt[i] = Duration.between(a.pvTimestamp(), a.wall()).toNanos();
                toSet[i] = Duration.between(wall0, a.pvTimestamp()).toNanos();
            }
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(1000, 3000));
        }
        double wall = (System.nanoTime() - w0) / 1e9;
        long[] cpu1 = {cpu(taskhost.process.toHandle()), cpu(broker.process.toHandle()), cpu(ProcessHandle.current()), machineBusy()};
        put.close();
        sub.disconnect().waitForCompletion(5000);
        sub.close();
        System.out.printf("latency: %d changes of one float PV by %s (after %d warm-up), one at a time, 1-3 ms apart; pv_interval 0%n", n,
                driver.equals("mqtt") ? "an MQTT put command (QoS 1, taskhost's Pv.put)" : "a Channel Access put without callback (CAJ)",
                warmup);
        System.out.println("  PV change (the value's timestamp, taskhost's clock) -> subscriber's messageArrived (this JVM's clock): "
                + stats(toReceipt));
        System.out.println("  put sent -> subscriber's messageArrived (one clock, System.nanoTime):                                 "
                + stats(total));
        System.out.println("  put sent -> PV changed in taskhost (wall clocks):                                                    "
                + stats(toSet));
        System.out.println("  taskhost's /mqtt: " + counters(send("GET", "mqtt", null).body(), "published", "pv_messages", "pv_not_sent", "not_sent"));
        System.out.printf("  CPU over the %.1f s measured: taskhost %.0f %%, mosquitto %.0f %%, this JVM %.0f %%, other processes %.0f %% (of %d cores)%n",
                wall, 100 * (cpu1[0] - cpu0[0]) / 1e9 / wall, 100 * (cpu1[1] - cpu0[1]) / 1e9 / wall, 100 * (cpu1[2] - cpu0[2]) / 1e9 / wall,
                100 * ((cpu1[3] - cpu0[3]) - (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]) - (cpu1[2] - cpu0[2])) / 1e9 / wall,
                Runtime.getRuntime().availableProcessors());
        if (Boolean.parseBoolean(System.getProperty("latency.control", "true"))) {
            nagleControl(200);
        }
    }

    /**
     * The control for Nagle's algorithm: two Paho clients in this JVM, no taskhost. The responder gets a command at QoS 1
     * (Paho acknowledges it) and answers with a QoS 0 message, as taskhost does for an MQTT put; the requester times the
     * round trip. Once with the responder's socket as Paho makes it, once with TCP_NODELAY.
     */
    private void nagleControl(int n) throws Exception {
        for (boolean noDelay : new boolean[] {false, true}) {
            String in = ROOT + "/nagle/in";
            String out = ROOT + "/nagle/out";
            MqttAsyncClient[] responder = new MqttAsyncClient[1];
            responder[0] = new MqttAsyncClient(broker.url(), "bench-nagle-responder", new MemoryPersistence());
            responder[0].setCallback(new Callback() {
                @Override
                public void messageArrived(String topic, MqttMessage m) throws Exception {
                    responder[0].publish(out, m.getPayload(), 0, false);
                }
            });
            MqttConnectOptions o = new MqttConnectOptions();
            if (noDelay) {
                o.setSocketFactory(NO_DELAY);
            }
            responder[0].connect(o).waitForCompletion(10_000);
            responder[0].subscribe(in, 1).waitForCompletion(10_000);
            MqttAsyncClient requester = client("bench-nagle-requester", new Callback() {
                @Override
                public void messageArrived(String topic, MqttMessage m) {
                    arrival.complete(new Arrival(System.nanoTime(), null, null));
                }
            });
            requester.subscribe(out, 0).waitForCompletion(10_000);
            long[] rtt = new long[n];
            for (int i = -20; i < n; i++) {
                arrival = new CompletableFuture<>();
                long t0 = System.nanoTime();
                requester.publish(in, ("" + i).getBytes(StandardCharsets.UTF_8), 1, false);
                Arrival a = arrival.get(10, TimeUnit.SECONDS);
                if (i >= 0) {
                    rtt[i] = a.nanos() - t0;
                }
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(1000, 3000));
            }
            System.out.println("  control without taskhost: Paho command (QoS 1) -> Paho answer (QoS 0), the responder's socket "
                    + (noDelay ? "with TCP_NODELAY:    " : "as Paho makes it:     ") + stats(rtt));
            requester.disconnect().waitForCompletion(5000);
            requester.close();
            responder[0].disconnect().waitForCompletion(5000);
            responder[0].close();
        }
    }

    private interface Putter extends AutoCloseable {
        void put(double value) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private Putter mqttPut(MqttAsyncClient client) {
        String topic = ROOT + "/" + NODE + "/cmd/pvlat/put";
        return value -> client.publish(topic, ("{\"pv\":\"IN\",\"value\":" + value + "}").getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** CAJ keeps its loggers by weak reference in java.util.logging: hold the one silenced here. */
    private static final java.util.logging.Logger CAJ_LOG = java.util.logging.Logger.getLogger("com.cosylab.epics.caj");

    /** CAJ, the pure-Java Channel Access client, to the taskhost's server only. */
    private Putter caPut(String pv) throws Exception {
        // CAJ reads a beacon's server port as a signed short and logs a stack for every beacon from a port above 32767
        CAJ_LOG.setLevel(java.util.logging.Level.OFF);
        String p = "com.cosylab.epics.caj.CAJContext.";
        System.setProperty(p + "addr_list", "127.0.0.1");
        System.setProperty(p + "auto_addr_list", "false");
        System.setProperty(p + "server_port", String.valueOf(caPort));
        System.setProperty(p + "repeater_port", String.valueOf(caPort + 1));
        gov.aps.jca.Context ctx = gov.aps.jca.JCALibrary.getInstance().createContext(gov.aps.jca.JCALibrary.CHANNEL_ACCESS_JAVA);
        gov.aps.jca.Channel ch = ctx.createChannel(pv);
        ctx.pendIO(10.0);
        return new Putter() {
            @Override
            public void put(double value) throws Exception {
                ch.put(value);
                ctx.flushIO();
            }

            @Override
            public void close() throws Exception {
                ch.destroy();
                ctx.destroy();
            }
        };
    }

    // ---------------------------------------------------------------- states

    private void states(int plugins, int[] bursts, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("mqttbench-churn");
        Files.writeString(dir.resolve("Churn.java"), """
                import org.taskhost.api.TaskBase;
                public class Churn extends TaskBase {
                    private long n;
                    public void initialize() { }
                    public void execute() {
                        int burst = (int) pv("BURST").getDouble();
                        for (int i = 0; i < burst; i++) setMessage("m" + (++n));
                    }
                    public void cleanup() { }
                }
                """);
        Files.writeString(dir.resolve("config.yaml"), "parameters:\n  interval: " + System.getProperty("states.interval", "0.01") + "\npvs:\n  inputs:\n    BURST: {type: int, value: 0}\n");
        long t = System.nanoTime();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < plugins; i++) {
            String name = String.format("churn%03d", i);
            HttpResponse<String> r = send("POST", "plugins", "{\"name\":\"" + name + "\",\"local_path\":\"" + dir + "\"}");
            if (r.statusCode() != 201) {
                throw new IllegalStateException("add " + name + ": " + r.statusCode() + " " + r.body());
            }
            names.add(name);
        }
        System.out.printf("states: %d plugins added over REST in %.1f s%n", plugins, (System.nanoTime() - t) / 1e9);
        if (Boolean.parseBoolean(System.getProperty("states.raw", "true"))) {
            raw(plugins, seconds);
        }
        AtomicLong received = new AtomicLong();
        AtomicLongArray newest = new AtomicLongArray(plugins);
        int qos = Integer.getInteger("states.qos", 1);
        String subscriber = System.getProperty("states.subscriber", "true");
        boolean live = !subscriber.equals("false");
        StateCounter counter = new StateCounter(received, newest);
        MqttAsyncClient sub = client("bench-states-sub", new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                counter.arrived(topic, new String(m.getPayload(), StandardCharsets.UTF_8));
            }
        });
        Process cSubscriber = null;
        if (subscriber.equals("mosquitto_sub")) {
            cSubscriber = mosquittoSub(ROOT + "/" + NODE + "/plugins/+/state", qos, counter);
        } else if (live) {
            sub.subscribe(ROOT + "/" + NODE + "/plugins/+/state", qos).waitForCompletion(10_000);
        }
        String jfr = System.getProperty("mqtt.jfr", "");
        if (!jfr.isEmpty()) {
            jcmd("JFR.start", "name=mqttbench", "settings=profile");
        }
        System.out.printf("states: %s; each step: BURST set on all plugins, 3 s to settle, %d s measured%n",
                live ? subscriber.replace("true", "Paho") + " subscriber, QoS " + qos : "no subscriber (the broker's acknowledgements only)", seconds);
        for (int burst : bursts) {
            for (String name : names) {
                put(name, "BURST", burst);
            }
            Thread.sleep(3000);
            Snapshot a = snapshot(names, received);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            Snapshot b = snapshot(names, received);
            double s = (b.nanos - a.nanos) / 1e9;
            System.out.printf("  BURST %d (offered ~%,d/s): plugins changed %,.0f/s; subscriber received %,.0f/s; taskhost published"
                    + " (acknowledged, PV values included) %,.0f/s, of which PV values %,.0f/s (states %,.0f/s); not_sent %,d, failed %,d;"
                    + " into the offline buffer %,d, dropped from it %,d; superseded before sending %,d;"
                    + " CPU: taskhost %.0f %%, mosquitto %.0f %%, this JVM %.0f %%, other processes %.0f %% (of %d cores)%n", burst,
                    Math.round(plugins * burst / Double.parseDouble(System.getProperty("states.interval", "0.01"))), (b.changes - a.changes) / s, (b.received - a.received) / s,
                    (b.published - a.published) / s, (b.pv - a.pv) / s,
                    (b.published - a.published - (b.pv - a.pv)) / s, b.notSent - a.notSent, b.failed - a.failed,
                    b.buffered - a.buffered, b.dropped - a.dropped, b.superseded - a.superseded,
                    100 * (b.cpu[0] - a.cpu[0]) / 1e9 / s, 100 * (b.cpu[1] - a.cpu[1]) / 1e9 / s, 100 * (b.cpu[2] - a.cpu[2]) / 1e9 / s,
                    100 * ((b.cpu[3] - a.cpu[3]) - (b.cpu[0] - a.cpu[0]) - (b.cpu[1] - a.cpu[1]) - (b.cpu[2] - a.cpu[2])) / 1e9 / s,
                    Runtime.getRuntime().availableProcessors());
        }
        for (String name : names) {
            put(name, "BURST", 0);
        }
        if (!jfr.isEmpty()) {
            jcmd("JFR.stop", "name=mqttbench", "filename=" + jfr);
            System.out.println("states: JFR profile of taskhost over the steps: " + jfr);
        }
        // what the subscriber still gets after the plugins stopped changing (the backlog), until 3 s pass without a message
        long before = received.get();
        long quiet = System.nanoTime();
        long last = before;
        long lastChange = System.nanoTime();
        while (System.nanoTime() - quiet < TimeUnit.SECONDS.toNanos(180) && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(3)) {
            Thread.sleep(200);
            long now = received.get();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
        double drained = (lastChange - quiet) / 1e9;
        // what a new subscriber gets: the retained state of each plugin, against its MESSAGE now (REST)
        AtomicLongArray retained = new AtomicLongArray(plugins);
        MqttAsyncClient late = client("bench-states-late", new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                int i = topic.indexOf("/churn");
                Matcher n = Pattern.compile("\"message\":\"m(\\d+)\"").matcher(new String(m.getPayload(), StandardCharsets.UTF_8));
                if (i >= 0 && n.find()) {
                    retained.set(Integer.parseInt(topic.substring(i + 6, i + 9)), Long.parseLong(n.group(1)));
                }
            }
        });
        late.subscribe(ROOT + "/" + NODE + "/plugins/+/state", 1).waitForCompletion(10_000);
        Thread.sleep(3000);
        late.disconnect().waitForCompletion(5000);
        late.close();
        long changed = 0;
        long seen = 0;
        int stale = 0;
        int staleRetained = 0;
        for (int i = 0; i < plugins; i++) {
            long n = messageNumber(names.get(i));
            changed += n;
            seen += newest.get(i);
            stale += newest.get(i) == n ? 0 : 1;
            staleRetained += retained.get(i) == n ? 0 : 1;
        }
        if (!live) {
            System.out.printf("states: no live subscriber; a new subscriber's retained state is not the current one for %d of %d%n",
                    staleRetained, plugins);
        } else {
            System.out.printf("states: after the last step the subscriber received %,d more in %.1f s; in all the plugins changed %,d times,"
                + " the newest changes the subscriber saw sum to %,d; the last MESSAGE of %d of %d plugins never reached the subscriber,"
                + " and a new subscriber's retained state is not the current one for %d of %d%n",
                last - before, drained, changed, seen, stale, plugins, staleRetained, plugins);
        }
        System.out.println("states: taskhost's /mqtt: " + counters(send("GET", "mqtt", null).body(), "published", "pv_messages", "not_sent", "failed",
                "buffered_total", "buffer_dropped", "buffered", "states_superseded", "states_waiting"));
        sub.disconnect().waitForCompletion(5000);
        sub.close();
        if (cSubscriber != null) {
            cSubscriber.destroy();
        }
    }

    /** What the states' subscriber got: how many, and the newest MESSAGE number of each plugin. */
    private record StateCounter(AtomicLong received, AtomicLongArray newest) {
        void arrived(String topic, String payload) {
            received.incrementAndGet();
            int i = topic.indexOf("/churn");
            int k = payload.indexOf("\"message\":\"m");
            if (i >= 0 && k >= 0) {
                int plugin = Integer.parseInt(topic.substring(i + 6, i + 9));
                int from = k + 12;
                int to = from;
                while (to < payload.length() && Character.isDigit(payload.charAt(to))) {
                    to++;
                }
                newest.accumulateAndGet(plugin, Long.parseLong(payload.substring(from, to)), Math::max);
            }
        }
    }

    /**
     * Debian's mosquitto_sub (a C client, far cheaper per message than Paho) as the subscriber: one line per message,
     * the topic, a space, the payload; it is subscribed once it has printed its first retained message.
     */
    private Process mosquittoSub(String filter, int qos, StateCounter counter) throws Exception {
        Process p = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port), "-i", "bench-states-csub",
                "-q", String.valueOf(qos), "-v", "-t", filter).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        java.util.concurrent.CountDownLatch first = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().daemon().name("mosquitto_sub reader").start(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = in.readLine()) != null) {
                    int space = line.indexOf(' ');
                    if (space > 0) {
                        counter.arrived(line.substring(0, space), line.substring(space + 1));
                    }
                    first.countDown();
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        if (!first.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("mosquitto_sub received no retained state in 10 s");
        }
        return p;
    }

    /**
     * The same broker and subscriber without taskhost's part: a Paho client in this JVM publishes state-sized messages
     * (QoS 1, retained, to as many topics as plugins) as fast as 1000 in flight allow, while taskhost idles.
     */
    private void raw(int topics, int seconds) throws Exception {
        AtomicLong received = new AtomicLong();
        int qos = Integer.getInteger("states.qos", 1);
        MqttAsyncClient sub = client("bench-raw-sub", new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.incrementAndGet();
            }
        });
        String subscriber = System.getProperty("states.subscriber", "true");
        Process cSubscriber = null;
        if (subscriber.equals("mosquitto_sub")) {
            // a retained message for it to wait on
            sub.publish(ROOT + "/raw/0/state", "{}".getBytes(StandardCharsets.UTF_8), 1, true).waitForCompletion(10_000);
            cSubscriber = mosquittoSub(ROOT + "/raw/+/state", qos, new StateCounter(received, new AtomicLongArray(1)));
        } else if (!subscriber.equals("false")) {
            sub.subscribe(ROOT + "/raw/+/state", qos).waitForCompletion(10_000);
        }
        MqttAsyncClient pub = client("bench-raw-pub", new Callback() {
            @Override
            public void messageArrived(String topic, MqttMessage m) {
            }
        });
        byte[] payload = ("{\"name\":\"churn000\",\"status\":\"RUN\",\"status_index\":1,\"message\":\"m123456\",\"enabled\":true,"
                + "\"cycles\":1234,\"errors\":0,\"phase\":\"ready\",\"kind\":\"task\",\"mode\":\"continuous\","
                + "\"timestamp\":\"2026-12-01T11:24:12.997123Z\"}").getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(1000);
        org.eclipse.paho.client.mqttv3.IMqttActionListener release = new org.eclipse.paho.client.mqttv3.IMqttActionListener() {
            @Override
            public void onSuccess(org.eclipse.paho.client.mqttv3.IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(org.eclipse.paho.client.mqttv3.IMqttToken token, Throwable e) {
                window.release();
            }
        };
        long[] cpu0 = {cpu(broker.process.toHandle()), cpu(ProcessHandle.current()), machineBusy(), cpu(taskhost.process.toHandle())};
        long r0 = received.get();
        long t0 = System.nanoTime();
        long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
        long sent = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            pub.publish(ROOT + "/raw/" + (sent % topics) + "/state", payload, 1, true, null, release);
            sent++;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long r1 = received.get();
        long[] cpu1 = {cpu(broker.process.toHandle()), cpu(ProcessHandle.current()), machineBusy(), cpu(taskhost.process.toHandle())};
        System.out.printf("  raw Paho, no taskhost (QoS 1, retained, %d topics, 1000 in flight): published %,.0f/s, subscriber received %,.0f/s;"
                + " CPU: mosquitto %.0f %%, this JVM %.0f %%, taskhost (plugins ticking, BURST 0) %.0f %%, other processes %.0f %%%n",
                topics, sent / s, (r1 - r0) / s, 100 * (cpu1[0] - cpu0[0]) / 1e9 / s, 100 * (cpu1[1] - cpu0[1]) / 1e9 / s,
                100 * (cpu1[3] - cpu0[3]) / 1e9 / s,
                100 * ((cpu1[2] - cpu0[2]) - (cpu1[0] - cpu0[0]) - (cpu1[1] - cpu0[1]) - (cpu1[3] - cpu0[3])) / 1e9 / s);
        window.acquire(1000);
        pub.disconnect().waitForCompletion(5000);
        pub.close();
        sub.disconnect().waitForCompletion(5000);
        sub.close();
        if (cSubscriber != null) {
            cSubscriber.destroy();
        }
    }

    private record Snapshot(long nanos, long received, long changes, long published, long pv, long notSent, long failed, long[] cpu,
            long buffered, long dropped, long superseded) {
    }

    private Snapshot snapshot(List<String> names, AtomicLong received) throws Exception {
        long nanos = System.nanoTime();
        long r = received.get();
        long[] cpu = {cpu(taskhost.process.toHandle()), cpu(broker.process.toHandle()), cpu(ProcessHandle.current()), machineBusy()};
        String mqtt = send("GET", "mqtt", null).body();
        long changes = changes(names);
        return new Snapshot(nanos, r, changes, number(mqtt, "published"), number(mqtt, "pv_messages"), number(mqtt, "not_sent"),
                number(mqtt, "failed"), cpu, number(mqtt, "buffered_total"), number(mqtt, "buffer_dropped"),
                number(mqtt, "states_superseded"));
    }

    /** How many changes the plugins made in all: one list if it shows every plugin's MESSAGE, else one read per plugin. */
    private long changes(List<String> names) throws Exception {
        Matcher m = Pattern.compile("\"message\":\"m(\\d+)\"").matcher(send("GET", "plugins", null).body());
        long sum = 0;
        int found = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
            found++;
        }
        if (found == names.size()) {
            return sum;
        }
        sum = 0;
        for (String name : names) {
            sum += messageNumber(name);
        }
        return sum;
    }

    /** The n of the plugin's MESSAGE "m{n}": how many changes it made. */
    private long messageNumber(String name) throws Exception {
        Matcher m = Pattern.compile("\"message\":\"m(\\d+)\"").matcher(send("GET", "plugins/" + name, null).body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private void jcmd(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(taskhost.process.pid())));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + ": " + out);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A Paho callback that ignores the rest. */
    private abstract static class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            System.out.println("subscriber: connection lost: " + cause);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }

    /** The harness's clients send each packet at once: Nagle's algorithm would hold a small write behind an unacknowledged one. */
    private static final javax.net.SocketFactory NO_DELAY = new javax.net.SocketFactory() {
        private java.net.Socket noDelay(java.net.Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public java.net.Socket createSocket() throws IOException {
            return noDelay(new java.net.Socket());
        }

        @Override
        public java.net.Socket createSocket(String host, int port) throws IOException {
            return noDelay(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws IOException {
            return noDelay(new java.net.Socket(host, port, local, localPort));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
            return noDelay(new java.net.Socket(host, port));
        }

        @Override
        public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) throws IOException {
            return noDelay(new java.net.Socket(host, port, local, localPort));
        }
    };

    private MqttAsyncClient client(String id, MqttCallback callback) throws Exception {
        MqttAsyncClient c = new MqttAsyncClient(broker.url(), id, new MemoryPersistence());
        c.setCallback(callback);
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        o.setSocketFactory(NO_DELAY);
        c.connect(o).waitForCompletion(10_000);
        return c;
    }

    private void add(String name, String source, String config) throws Exception {
        Path dir = Files.createTempDirectory("mqttbench-" + name);
        String cls = source.substring(source.indexOf("class ") + 6, source.indexOf(" extends"));
        Files.writeString(dir.resolve(cls + ".java"), source);
        Files.writeString(dir.resolve("config.yaml"), config);
        HttpResponse<String> r = send("POST", "plugins", "{\"name\":\"" + name + "\",\"local_path\":\"" + dir + "\"}");
        if (r.statusCode() != 201) {
            throw new IllegalStateException("add " + name + ": " + r.statusCode() + " " + r.body());
        }
    }

    private final Map<String, String> prefixes = new HashMap<>();

    private void put(String plugin, String pv, long value) throws Exception {
        String prefix = prefixes.get(plugin);
        if (prefix == null) {
            prefix = field(send("GET", "plugins/" + plugin, null).body(), "pv_prefix");
            prefixes.put(plugin, prefix);
        }
        String full = prefix + ":" + pv;
        HttpResponse<String> r = send("POST", "pvs/put", "{\"pv_name\":\"" + full + "\",\"value\":" + value + "}");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("put " + full + ": " + r.statusCode() + " " + r.body());
        }
    }

    private HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String counters(String json, String... names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(b.isEmpty() ? "" : ", ").append(n).append(' ').append(String.format("%,d", number(json, n)));
        }
        return b.toString();
    }

    /** The whole machine's busy CPU time in ns, from /proc/stat (all but idle and iowait; USER_HZ 100). */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms, min %.3f ms", pct(s, 50) / 1e6, pct(s, 90) / 1e6,
                pct(s, 99) / 1e6, s[s.length - 1] / 1e6, s[0] / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String mosquittoVersion() {
        try {
            Process p = new ProcessBuilder(Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto", "-h")
                    .redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
            p.waitFor();
            return first.replace("mosquitto version ", "");
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }
}
