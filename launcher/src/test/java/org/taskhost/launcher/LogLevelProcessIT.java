package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * One log level for every bundle: the runtime's and the plugins' lines, and the Channel Access server's (through the
 * OSGi Log Service). A put that the CA server refuses is no news: at most a DEBUG line.
 */
class LogLevelProcessIT {

    /** A sample plugin's input with drive limits 0..100, served over CA once the loader has added the samples. */
    static final String SETPOINT = "BEAMLINE:DEFAULT:MONITOR:SETPOINT";
    /** A line of taskhost's log at INFO: {@code <instant> INFO  [name] text}. */
    static final Predicate<String> INFO = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\S+Z INFO  \\[").asPredicate();
    static final Predicate<String> REFUSED = l -> l.contains("CA put refused");

    /** Waits for the PV (the samples are built at the first start), puts 150 with callback, reads the value back. */
    static final String REFUSED_PUT = """
            from epics import dbr
            import ctypes
            p = await_pv('%1$s')
            out(status=raw_put('%1$s', dbr.DOUBLE, (ctypes.c_double * 1)(150.0)), value=p.get(use_monitor=False))
            """.formatted(SETPOINT);

    @Test
    void atWarnARefusedCaPutPrintsNoInfoLine() throws Exception {
        Path data = Files.createTempDirectory("e2e-log-warn");
        try (TaskhostProcess th = new TaskhostProcess(Map.of("TASKHOST_LOG_LEVEL", "warn", "TASKHOST_DATA", data.toString()))) {
            th.awaitLine("the CA server", l -> l.contains("Channel Access server on port " + th.caPort));
            Map<String, Object> put = new CaClient(th.caPort, Map.of()).one(REFUSED_PUT);
            assertThat(put).as("refused, the value unchanged").containsEntry("status", "Channel write request failed")
                    .containsEntry("value", 50.0);

            // on SIGTERM the log is printed to its last entry before the process ends: the output is complete
            assertThat(th.terminate()).isZero();
            List<String> lines = th.lines();
            assertThat(lines).as("the output read").anyMatch(l -> l.contains("Channel Access server on port " + th.caPort));
            assertThat(lines).as("at warn, no bundle prints at INFO").noneMatch(INFO).noneMatch(REFUSED);
        }
    }

    @Test
    void atTheDefaultLevelTheRuntimeSaysReadyOnceAndARefusedPutIsOnlyADebugLine() throws Exception {
        Path top = Files.createTempDirectory("e2e-log-default");
        Path etc = EtcCopy.of(top.resolve("etc"));
        Map<String, String> env = Map.of("TASKHOST_LOG_LEVEL", "", "IOCMNG_LOG_LEVEL", "", "TASKHOST_ETC", etc.toString(),
                "TASKHOST_DATA", top.resolve("data").toString());
        try (TaskhostProcess th = new TaskhostProcess(env)) {
            th.awaitLine("the runtime", l -> l.contains("[taskhost] runtime ready, PV prefix BEAMLINE:DEFAULT"));
            th.awaitLine("the loader", l -> l.contains("[loader] ready: "));
            th.awaitLine("monitor RUN", l -> l.contains("[monitor] STATUS RUN: Task running"));
            CaClient ca = new CaClient(th.caPort, Map.of());
            assertThat(ca.one(REFUSED_PUT)).containsEntry("status", "Channel write request failed").containsEntry("value", 50.0);

            // the level, live from the configuration: refused puts show at DEBUG
            setLogLevel(etc, "debug");
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (th.lines().stream().noneMatch(l -> l.contains(" DEBUG [epics] CA put refused: PV " + SETPOINT))) {
                assertThat(System.nanoTime()).as("a DEBUG line for a refused put after logLevel=debug; output:\n"
                        + String.join("\n", th.lines())).isLessThan(end);
                assertThat(ca.one(REFUSED_PUT)).containsEntry("status", "Channel write request failed");
            }

            assertThat(th.terminate()).isZero();
            List<String> lines = th.lines();
            assertThat(lines.stream().filter(l -> l.contains("runtime ready, PV prefix"))).as("printed once")
                    .hasSize(1).allMatch(INFO);
            assertThat(lines.stream().filter(l -> l.contains("[loader] ready: "))).as("printed once").hasSize(1);
            assertThat(lines.stream().filter(REFUSED)).as("only at DEBUG, never at INFO").isNotEmpty()
                    .allMatch(l -> l.contains(" DEBUG [epics] CA put refused: PV " + SETPOINT + ": 150.0 is outside the drive limits"));
        }
    }

    private static void setLogLevel(Path etc, String level) throws IOException {
        Path cfg = etc.resolve("org.taskhost.runtime.cfg");
        List<String> lines = Files.readAllLines(cfg).stream().map(l -> l.startsWith("logLevel=") ? "logLevel=" + level : l).toList();
        assertThat(lines).contains("logLevel=" + level);
        Files.write(cfg, lines);
    }
}
