package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** End to end: the launched taskhost.jar as a daemon with no terminal, its samples, and a clean SIGTERM. */
class TaskhostProcessIT {

    @Test
    void samplesRunAndSigtermCleansUpAndExitsZero() throws Exception {
        Path data = Files.createTempDirectory("taskhost-data");
        try (TaskhostProcess th = new TaskhostProcess(Map.of("TASKHOST_PREFIX", "E2E:LAB", "TASKHOST_DATA", data.toString()))) {
            th.awaitLine("with the prefix", l -> l.contains("[taskhost] runtime ready, PV prefix E2E:LAB, data " + data));
            th.awaitLine("monitor RUN", l -> l.contains("[monitor] STATUS RUN: Task running"));
            th.awaitLine("scaler RUN", l -> l.contains("[scaler] STATUS RUN: Task running"));
            th.awaitLine("pulse ready", l -> l.contains("[pulse] STATUS INIT: Ready for trigger"));
            th.awaitLine("diagnostics idle", l -> l.contains("[diagnostics] STATUS IDLE: Idle"));
            th.awaitLine("samples added by the loader", l -> l.contains("[loader] added plugin scaler (Scaler, commit local-"));
            th.awaitLine("started through to the REST API", l -> l.contains("REST API admin token"));

            assertThat(th.terminate()).isZero();
            assertThat(th.lines()).anyMatch(l -> l.contains("[monitor] Stopping monitor"))
                .anyMatch(l -> l.contains("[pulse] Pulse stopped after 0 shots"))
                .anyMatch(l -> l.contains("[scaler] Scaler stopped"))
                .noneMatch(l -> l.contains("Exception"));
        }
    }

    /**
     * The restore at boot starts every stored plugin from a virtual thread and waits for its initialize(), which runs on
     * virtual threads too: with one carrier thread it finishes only if no wait pins that carrier (a monitor held while
     * parking does on JDK 21 to 23).
     */
    @Test
    void aRestartWithOneCarrierThreadRestoresEverySample() throws Exception {
        Path data = Files.createTempDirectory("taskhost-data");
        Map<String, String> env = Map.of("TASKHOST_DATA", data.toString(), "TASKHOST_JAVA_OPTS",
                "-Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1");
        try (TaskhostProcess th = new TaskhostProcess(env)) {
            th.awaitLine("samples added", l -> l.contains("[loader] added plugin scaler (Scaler, commit local-"));
            th.awaitLine("started through to the REST API", l -> l.contains("REST API admin token"));
            assertThat(th.terminate()).isZero();
        }
        try (TaskhostProcess th = new TaskhostProcess(env)) {
            for (String name : new String[] {"monitor", "scaler", "pulse", "diagnostics"}) {
                th.awaitLine(name + " restored", l -> l.contains("[loader] restored plugin " + name + " at commit"));
            }
            th.awaitLine("monitor RUN", l -> l.contains("[monitor] STATUS RUN: Task running"));
            th.awaitLine("scaler RUN", l -> l.contains("[scaler] STATUS RUN: Task running"));
            th.awaitLine("pulse ready", l -> l.contains("[pulse] STATUS INIT: Ready for trigger"));
            th.awaitLine("diagnostics idle", l -> l.contains("[diagnostics] STATUS IDLE: Idle"));
            assertThat(th.terminate()).isZero();
            assertThat(th.lines()).noneMatch(l -> l.contains("did not finish initialize()") || l.contains("did not start"));
        }
    }

    @Test
    void samplesCanBeLeftOut() throws Exception {
        Path data = Files.createTempDirectory("taskhost-data");
        try (TaskhostProcess th = new TaskhostProcess(Map.of("TASKHOST_SAMPLES", "false", "TASKHOST_DATA", data.toString()))) {
            th.awaitLine("samples left out", l -> l.contains("[loader] first start: sample plugins not added (TASKHOST_SAMPLES=false)"));
            th.awaitLine("started through to the REST API", l -> l.contains("REST API admin token"));
            assertThat(th.terminate()).isZero();
            assertThat(th.lines()).noneMatch(l -> l.contains("[monitor] STATUS"));
        }
    }
}
