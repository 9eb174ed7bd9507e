package org.taskhost.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * One log pipeline (docs/logging.md): the OSGi Log Service's entries, SLF4J, java.util.logging and the plugins'
 * loggers are printed in one format, an exception is printed with its causes, and a logger's level set in
 * etc/org.taskhost.logging.cfg applies while taskhost runs, to the printed lines and to the plugin's kept lines alike.
 */
class LogPipelineProcessIT {

    /** {@code <instant> LEVEL [logger] text}: the one format. */
    static final Pattern ONE_FORMAT = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (TRACE|DEBUG|INFO |WARN |ERROR|AUDIT) \\[[^\\]]+\\] .*");
    static final Predicate<String> ONE = ONE_FORMAT.asPredicate();

    /** A task that logs at DEBUG and at INFO each cycle (5 a second) and fails its first cycle with an exception that has a cause. */
    static String chatty() throws Exception {
        return new GitFixture().write("Chatty.java", """
                import org.taskhost.api.TaskBase;
                public class Chatty extends TaskBase {
                    private int cycles;
                    public void initialize() { }
                    public void execute() {
                        cycles++;
                        logger().log(System.Logger.Level.DEBUG, "debug cycle " + cycles);
                        logger().log(System.Logger.Level.INFO, "info cycle " + cycles);
                        if (cycles == 1) {
                            throw new IllegalStateException("first cycle failed", new java.io.IOException("disk unplugged"));
                        }
                    }
                    public void cleanup() { }
                }
                """).write("config.yaml", "parameters:\n  mode: continuous\n  interval: 0.2\n").commitAll();
    }

    @Test
    void everySourceInOneFormatWithCausesAndLevelsChangedLive() throws Exception {
        Path top = Files.createTempDirectory("e2e-log-pipeline");
        Path etc = EtcCopy.of(top.resolve("etc"));
        Map<String, String> env = Map.of("TASKHOST_ETC", etc.toString(), "TASKHOST_LOG_LEVEL", "", "IOCMNG_LOG_LEVEL", "");
        try (HttpTaskhost th = HttpTaskhost.start(env, top.resolve("data"))) {
            TaskhostProcess out = th.process;
            // (a) a line from each source, in the one format
            out.awaitLine("an OSGi Log Service entry (the loader logs through LoggerFactory)", ONE.and(l -> l.contains(" INFO  [loader] ready: ")));
            out.awaitLine("an SLF4J logger (Jetty's)", ONE.and(l -> l.contains(" INFO  [org.eclipse.jetty.server.Server] jetty-12")));
            out.awaitLine("a java.util.logging logger (CAJ's)", ONE.and(l -> l.contains(" INFO  [com.cosylab.epics.caj.cas.CAJServerContext] ")));
            out.awaitLine("a plugin's logger", ONE.and(l -> l.contains(" INFO  [monitor] STATUS RUN: Task running")));
            out.awaitLine("a start line at AUDIT", ONE.and(l -> l.contains(" AUDIT [epics] Channel Access server on port " + out.caPort)));

            // (b) an exception's cause, at the default level
            MqttTriggersProcessIT.add(th, "/tasks", "chatty", chatty());
            out.awaitLine("the failure", ONE.and(l -> l.endsWith(" ERROR [chatty] execute() failed")));
            out.awaitLine("its cause", l -> l.equals("Caused by: java.io.IOException: disk unplugged"));
            out.awaitLine("the next cycles run", l -> l.contains(" INFO  [chatty] STATUS RUN: "));
            assertThat(out.lines()).as("at info, no DEBUG line of the plugin").noneMatch(l -> l.contains("[chatty] debug cycle"));

            // (c) the plugin's logger at DEBUG, live from etc/: printed and kept
            Files.writeString(etc.resolve("org.taskhost.logging.cfg"), "logger.chatty=debug\n", StandardOpenOption.APPEND);
            out.awaitLine("a DEBUG line once the file says so", ONE.and(l -> l.contains(" DEBUG [chatty] debug cycle ")));
            th.awaitBody("/plugins/chatty/logs", "the DEBUG line kept for the plugin", b -> b.contains("DEBUG [chatty] debug cycle "));

            // ... and the OSGi Log Service's logger of the CA server, to DEBUG live: a refused put shows
            Files.writeString(etc.resolve("org.taskhost.logging.cfg"), "logger.epics=debug\n", StandardOpenOption.APPEND);
            CaClient ca = new CaClient(out.caPort, Map.of());
            HttpTaskhost.until("a DEBUG line for a refused CA put", () -> {
                assertThat(ca.one(LogLevelProcessIT.REFUSED_PUT)).containsEntry("status", "Channel write request failed");
                return out.lines().stream().anyMatch(ONE.and(l -> l.contains(" DEBUG [epics] CA put refused: PV " + LogLevelProcessIT.SETPOINT)));
            });

            // back to info, with a value that is no level: named in a WARN line once the change applied
            Files.writeString(etc.resolve("org.taskhost.logging.cfg"), "logger.chatty=info\nlogger.bogus=loud\n", StandardOpenOption.APPEND);
            String refused = out.awaitLine("the bad value named", ONE.and(l -> l.contains(" WARN  [logging] org.taskhost.logging: logger.bogus: 'loud' is not a level")));
            int applied = out.lines().indexOf(refused);
            int next = cycleAfter(out, applied) + 1;
            out.awaitLine("the cycle after", l -> l.endsWith(" INFO  [chatty] info cycle " + next));
            assertThat(out.lines()).as("the cycle after the change made no DEBUG line").noneMatch(l -> l.endsWith(" [chatty] debug cycle " + next));
        }
    }

    /** @return the number of the first cycle whose INFO line comes after the given line, waiting for one */
    private static int cycleAfter(TaskhostProcess out, int index) throws Exception {
        Pattern info = Pattern.compile(" INFO  \\[chatty\\] info cycle (\\d+)$");
        int[] cycle = {-1};
        HttpTaskhost.until("a cycle after line " + index, () -> {
            List<String> lines = out.lines();
            cycle[0] = lines.subList(index + 1, lines.size()).stream().map(info::matcher).filter(java.util.regex.Matcher::find)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).findFirst().orElse(-1);
            return cycle[0] >= 0;
        });
        return cycle[0];
    }
}
