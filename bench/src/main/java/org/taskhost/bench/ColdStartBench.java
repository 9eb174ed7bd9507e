package org.taskhost.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the launched taskhost: from spawning {@code bin/taskhost} (no terminal) until every sample plugin
 * reports its ready status, measured over several runs; each run then gets SIGTERM. "first start" uses a new data
 * directory each run (the loader compiles the samples); "restart" reuses one (they come back from the jar cache).
 */
public final class ColdStartBench {

    static final List<String> READY = List.of("[monitor] STATUS RUN", "[scaler] STATUS RUN",
            "[pulse] STATUS INIT: Ready for trigger", "[diagnostics] STATUS IDLE: Idle");

    public static void main(String[] args) throws Exception {
        Path top = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path kept = Files.createTempDirectory("coldstart-kept");
        once(top, kept);
        for (boolean fresh : new boolean[] {true, false}) {
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                millis.add(once(top, fresh ? Files.createTempDirectory("coldstart-new") : kept));
            }
            Collections.sort(millis);
            System.out.printf("cold start to all samples ready, %s: runs=%d min=%.0f ms median=%.0f ms max=%.0f ms%n",
                    fresh ? "first start (samples compiled)" : "restart (samples from the jar cache)",
                    runs, millis.get(0), millis.get(runs / 2), millis.get(runs - 1));
        }
    }

    static double once(Path top, Path data) throws Exception {
        Path out = Files.createTempFile("coldstart", ".log");
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder("bash", top.resolve("bin/taskhost").toString())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("TASKHOST_DATA", data.toString());
        pb.environment().put("TASKHOST_PORT", "0");
        Process p = pb.start();
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (READY.stream().allMatch(text::contains)) {
                    return (System.nanoTime() - start) / 1e6;
                }
                Thread.sleep(2);
            }
            throw new IllegalStateException("samples not ready within 60 s:\n" + Files.readString(out));
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
            Files.deleteIfExists(out);
        }
    }
}
