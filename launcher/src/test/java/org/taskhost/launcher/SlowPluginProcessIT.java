package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.taskhost.launcher.MqttProcessIT.Broker;

/**
 * A plugin that ignores its messages for a minute while 10,000 a second arrive for it: the messages waiting for it stay
 * bounded (the oldest dropped and counted in its state), the heap stays flat, and the other plugins run on time.
 */
class SlowPluginProcessIT {

    static final int RATE = 10_000;
    static final int SECONDS = 60;

    /**
     * A task whose handler holds the plugin's thread for 70 s at the first message: through the whole flood, and done
     * soon after it, so that taskhost stops promptly at the end (a stop waits for a call in progress).
     */
    static String sink() throws Exception {
        return new GitFixture().write("Sink.java", """
                import org.taskhost.api.TaskBase;
                public class Sink extends TaskBase {
                    public void initialize() {
                        context().messaging().subscribe("e2e-in/flood", m -> {
                            try {
                                Thread.sleep(70_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    }
                    public void execute() { }
                    public void cleanup() { }
                }
                """).write("config.yaml", "parameters:\n  mode: triggered\n  execute_timeout: 120\n").commitAll();
    }

    @Test
    void aPluginThatIgnoresAFloodLosesOnlyItsOwnOldestMessages() throws Exception {
        try (Broker broker = Broker.start()) {
            HttpTaskhost th = HttpTaskhost.start(Map.of("TASKHOST_MQTT_URL", broker.url(), "TASKHOST_MQTT_NODE", "slow"),
                    Files.createTempDirectory("e2e-slow"));
            Process pub = null;
            try {
                MqttTriggersProcessIT.add(th, "/tasks", "sink", sink());
                th.process.awaitLine("the sink's subscription", l -> l.contains("[mqtt] subscribed to e2e-in/flood"));
                pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", String.valueOf(broker.port), "-t", "e2e-in/flood",
                        "-q", "0", "-l").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                AtomicLong sent = new AtomicLong();
                Thread pump = pump(pub.getOutputStream(), sent);

                HttpTaskhost.until("the sink drops", () -> counter(th, "/plugins/sink", "dropped_count") > 0);
                long t1 = System.nanoTime();
                long heap1 = heapAfterGc(th.process.pid());
                long cycles1 = counter(th, "/tasks/monitor", "cycle_count");
                pump.join(TimeUnit.SECONDS.toMillis(SECONDS + 30));
                long t2 = System.nanoTime();
                long heap2 = heapAfterGc(th.process.pid());
                long cycles2 = counter(th, "/tasks/monitor", "cycle_count");
                long dropped = counter(th, "/plugins/sink", "dropped_count");
                double elapsed = (t2 - t1) / 1e9;
                System.out.printf("flood: %d sent, %d dropped by the sink; heap after GC %d -> %d KB over %.1f s; monitor %d cycles%n",
                        sent.get(), dropped, heap1 / 1024, heap2 / 1024, elapsed, cycles2 - cycles1);

                assertThat(sent.get()).as("messages sent").isGreaterThanOrEqualTo((long) RATE * SECONDS * 9 / 10);
                assertThat(dropped).as("the sink's oldest messages dropped, all but the 1,000 that wait")
                        .isGreaterThan(sent.get() / 2);
                assertThat(heap2 - heap1).as("heap growth over %.0f s, bytes (at %d and %d)", elapsed, heap1, heap2)
                        .isLessThan(64L << 20);
                assertThat(cycles2 - cycles1).as("the monitor's 1 s cycles over %.0f s", elapsed).isGreaterThanOrEqualTo((long) (elapsed * 0.9) - 1);
                assertThat(counter(th, "/health", "plugins")).as("/health's count of what plugins dropped").isGreaterThanOrEqualTo(dropped);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\ntaskhost's output:\n" + String.join("\n", th.process.lines()), e);
            } finally {
                if (pub != null) {
                    pub.destroy();
                }
                th.close();
            }
        }
    }

    /** Writes RATE lines a second for SECONDS seconds to mosquitto_pub -l, in slices of 10 ms. */
    private static Thread pump(OutputStream out, AtomicLong sent) {
        byte[] slice = "m\n".repeat(RATE / 100).getBytes(StandardCharsets.US_ASCII);
        return Thread.ofPlatform().name("flood").start(() -> {
            long start = System.nanoTime();
            try {
                for (int i = 0; i < SECONDS * 100; i++) {
                    long due = start + i * 10_000_000L;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    out.write(slice);
                    out.flush();
                    sent.addAndGet(RATE / 100);
                }
                out.close();
            } catch (Exception e) {
                // the publisher went away: the counts say how far it got
            }
        });
    }

    private static long counter(HttpTaskhost th, String path, String field) throws Exception {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(th.get(path).body());
        assertThat(m.find()).as(field + " in " + path).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The heap in use after a full collection, from the JDK's own jcmd. */
    static long heapAfterGc(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(List.of(jcmd, String.valueOf(pid), "GC.run"));
        String info = run(List.of(jcmd, String.valueOf(pid), "GC.heap_info"));
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        assertThat(m.find()).as("jcmd GC.heap_info: " + info).isTrue();
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
