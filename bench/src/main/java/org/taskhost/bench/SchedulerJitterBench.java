package org.taskhost.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

import org.taskhost.api.TaskBase;
import org.taskhost.runtime.internal.config.ConfigParser;
import org.taskhost.runtime.internal.config.PluginDescriptor;
import org.taskhost.runtime.internal.lifecycle.Clocks;
import org.taskhost.runtime.internal.lifecycle.PluginSetup;
import org.taskhost.runtime.internal.lifecycle.TaskRunner;

/**
 * N continuous tasks at F Hz on the runtime's scheduler and per-plugin virtual-thread executors, for S seconds:
 * period jitter |actual period - 1/F| at p50/p99/max, process CPU as a share of one core, and heap after GC.
 */
public final class SchedulerJitterBench {

    /** Records the start time of every execute(). */
    static final class Probe extends TaskBase {
        final long[] starts;
        int count;

        Probe(int capacity) {
            starts = new long[capacity];
        }

        @Override
        public void initialize() {
        }

        @Override
        public void execute() {
            if (count < starts.length) {
                starts[count++] = System.nanoTime();
            }
        }

        @Override
        public void cleanup() {
        }
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.parseInt(args[0]);
        double hz = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        boolean stagger = args.length > 3 && args[3].equals("stagger");
        long period = (long) (1e9 / hz);
        PluginDescriptor d = new ConfigParser("config.yaml").parse("parameters:\n  interval: " + (1.0 / hz) + "\n");
        Clocks clocks = new Clocks();
        List<Probe> probes = new ArrayList<>();
        List<TaskRunner> runners = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            Probe p = new Probe((int) (hz * (seconds + 3)) + 10);
            probes.add(p);
            runners.add(new TaskRunner(new PluginSetup("bench" + i, "BENCH:T" + i, d, "1", i, clocks, e -> { }), p));
        }
        for (TaskRunner r : runners) {
            r.start();
            if (stagger) {
                java.util.concurrent.locks.LockSupport.parkNanos(period / tasks);
            }
        }
        Thread.sleep(2000);
        long cpu0 = cpuNanos();
        long wall0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu = cpuNanos() - cpu0;
        long wall = System.nanoTime() - wall0;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        runners.forEach(TaskRunner::stop);
        clocks.close();

        long[] jitter = probes.stream().flatMapToLong(p -> {
            long[] j = new long[Math.max(0, p.count - 1)];
            for (int k = 1; k < p.count; k++) {
                j[k - 1] = Math.abs(p.starts[k] - p.starts[k - 1] - period);
            }
            return Arrays.stream(j);
        }).sorted().toArray();
        long executions = probes.stream().mapToLong(p -> p.count).sum();
        System.out.printf("%d tasks at %.0f Hz for %d s, %s: executions=%d (expected ~%d)%n", tasks, hz, seconds,
                stagger ? "starts spread over one period" : "all started at once",
                executions, (long) (tasks * hz * (seconds + 2)));
        System.out.printf("period jitter: p50=%.3f ms p99=%.3f ms max=%.3f ms (%d periods)%n",
                jitter[jitter.length / 2] / 1e6, jitter[(int) (jitter.length * 0.99)] / 1e6, jitter[jitter.length - 1] / 1e6, jitter.length);
        System.out.printf("CPU: %.1f %% of one core; heap after GC: %.1f MB%n", 100.0 * cpu / wall, heap / 1048576.0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
