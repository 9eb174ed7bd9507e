package org.taskhost.runtime.internal.log.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerContext;
import org.taskhost.runtime.internal.RuntimeConfig;
import org.taskhost.runtime.internal.log.LogPrinter;
import org.taskhost.runtime.internal.log.PluginLog;

/** The one log level (where it comes from, what the Log Service makes of it) and the one printer. */
class ConsoleLogTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);
    private static final Instant T = Instant.parse("2026-03-01T10:15:30.123Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LogPrinter printer = new LogPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    private final RootContext root = new RootContext();
    private final Reader reader = new Reader();
    private final List<ConsoleLog> started = new ArrayList<>();

    @BeforeEach
    @AfterEach
    void reset() {
        started.forEach(ConsoleLog::deactivate);
        started.clear();
        PluginLog.threshold(Level.INFO);
        ConsoleLog.forget();
    }

    // --- the level -------------------------------------------------------------------------------------------

    @Test
    void theConfiguredLevelInAnyCaseAnythingElseIsInfo() {
        assertThat(LogLevels.resolve(config("warn"))).isEqualTo(Level.WARNING);
        assertThat(LogLevels.resolve(config("Warning"))).isEqualTo(Level.WARNING);
        assertThat(LogLevels.parse(" WARN ")).isEqualTo(Level.WARNING);
        assertThat(LogLevels.parse("loud")).as("anything else is info").isEqualTo(Level.INFO);
        assertThat(LogLevels.parse(null)).isEqualTo(Level.INFO);
    }

    @Test
    void theLogServiceLetsThroughWhatTheThresholdLetsThrough() {
        assertThat(LogLevels.osgi(Level.TRACE)).isEqualTo(LogLevel.TRACE);
        assertThat(LogLevels.osgi(Level.DEBUG)).isEqualTo(LogLevel.DEBUG);
        assertThat(LogLevels.osgi(Level.INFO)).isEqualTo(LogLevel.INFO);
        assertThat(LogLevels.osgi(Level.WARNING)).isEqualTo(LogLevel.WARN);
        assertThat(LogLevels.osgi(Level.ERROR)).isEqualTo(LogLevel.ERROR);
        for (Level threshold : List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR)) {
            for (Level level : List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR)) {
                boolean plugin = new PluginLogAt(threshold).isLoggable(level);
                LogLevel osgi = LogLevels.osgi(level);
                assertThat(LogLevels.printed(entry("epics", osgi, "x"), threshold)).as(threshold + " prints " + level).isEqualTo(plugin);
            }
            assertThat(LogLevels.printed(entry("epics", LogLevel.AUDIT, "x"), threshold)).isTrue();
        }
        assertThat(LogLevels.printed(entry("epics", LogLevel.ERROR, "x"), Level.OFF)).isFalse();
    }

    @Test
    void theLogServicesFrameworkBundleAndServiceEventsAreNotPrinted() {
        assertThat(LogLevels.printed(entry("Events.Bundle.org.taskhost.epics", LogLevel.INFO, "BundleEvent STARTED"), Level.TRACE)).isFalse();
        assertThat(LogLevels.printed(entry("Events.Service.org.taskhost.epics", LogLevel.DEBUG, "ServiceEvent MODIFIED"), Level.TRACE)).isFalse();
        assertThat(LogLevels.printed(entry("Events.Framework.org.taskhost.epics", LogLevel.ERROR, "FrameworkEvent ERROR"), Level.TRACE))
                .as("the framework prints its errors itself").isFalse();
        assertThat(LogLevels.printed(entry("Eventsourcing", LogLevel.INFO, "x"), Level.INFO)).isTrue();
    }

    // --- the printer -----------------------------------------------------------------------------------------

    @Test
    void oneLineFormatForEveryLevel() {
        assertThat(LogPrinter.line(T, "INFO", "taskhost", "runtime ready", null))
                .isEqualTo("2026-03-01T10:15:30.123Z INFO  [taskhost] runtime ready");
        assertThat(LogPrinter.line(T, LogPrinter.name(Level.WARNING), "epics", "link lost", new IllegalStateException("gone")))
                .isEqualTo("2026-03-01T10:15:30.123Z WARN  [epics] link lost: java.lang.IllegalStateException: gone");
        assertThat(LogPrinter.name(Level.ERROR)).isEqualTo("ERROR");
        assertThat(LogPrinter.name(Level.DEBUG)).isEqualTo("DEBUG");
    }

    @Test
    void aThrowablesStackOnlyAtDebug() {
        PluginLog.threshold(Level.INFO);
        printer.print("one", new IllegalStateException("boom"));
        assertThat(out()).isEqualTo(List.of("one"));
        PluginLog.threshold(Level.DEBUG);
        printer.print("two", new IllegalStateException("boom"));
        assertThat(out()).hasSizeGreaterThan(2).startsWith("one", "two", "java.lang.IllegalStateException: boom");
        assertThat(out().get(3)).contains("at org.taskhost.runtime.internal.log.osgi.ConsoleLogTest");
    }

    // --- the component ---------------------------------------------------------------------------------------

    @Test
    void theConfiguredLevelIsTheThresholdLive() {
        ConsoleLog log = start(config("warn"));
        assertThat(PluginLog.threshold()).isEqualTo(Level.WARNING);
        log.modified(config("debug"));
        assertThat(PluginLog.threshold()).isEqualTo(Level.DEBUG);
    }

    @Test
    void theLogServicesRootLevelFollowsTheThresholdKeepingOtherLoggers() {
        root.levels.put("org.example.noisy", LogLevel.ERROR);
        RootLevel follower = new RootLevel(() -> root);
        follower.accept(Level.WARNING);
        assertThat(root.levels).containsEntry(Logger.ROOT_LOGGER_NAME, LogLevel.WARN).as("other loggers kept")
                .containsEntry("org.example.noisy", LogLevel.ERROR);
        follower.accept(Level.DEBUG);
        assertThat(root.levels).containsEntry(Logger.ROOT_LOGGER_NAME, LogLevel.DEBUG);
        new RootLevel(() -> null).accept(Level.ERROR);
        new RootLevel().accept(Level.ERROR);    // outside a framework: no Log Service, nothing to do, no failure
    }

    @Test
    void theHistoryOldestFirstThenEachNewEntryOnceAtOrAboveTheLevel() {
        LogEntry early = entry("loader", LogLevel.WARN, "cannot delete x");
        LogEntry quiet = entry("loader", LogLevel.INFO, "ready: 0 plugin(s)");
        LogEntry event = entry("Events.Bundle.org.taskhost.epics", LogLevel.INFO, "BundleEvent STARTED");
        LogEntry late = entry("epics", LogLevel.ERROR, "Channel Access server not started: bad port");
        reader.history.addAll(List.of(late, event, quiet, early));    // most recent first, as the Log Service gives them
        start(config("warn"));
        assertThat(out()).containsExactly(line(early), line(late));

        reader.deliver(late);               // logged while the history was read: in both
        reader.deliver(entry("epics", LogLevel.INFO, "CA put refused: PV X is outside the drive limits"));
        reader.deliver(entry("epics", LogLevel.DEBUG, "CA put refused: PV X is outside the drive limits"));
        LogEntry warn = entry("epics", LogLevel.WARN, "FOLLOWER:SRC: link to P:COUNTER lost");
        reader.deliver(warn);
        assertThat(out()).containsExactly(line(early), line(late), line(warn));
    }

    @Test
    void aSecondStartDoesNotPrintTheHistoryAgain() {
        LogEntry early = entry("loader", LogLevel.ERROR, "cannot restore plugin x");
        reader.history.add(early);
        ConsoleLog first = start(config("info"));
        first.deactivate();
        started.remove(first);
        start(config("info"));
        assertThat(out()).containsExactly(line(early));
    }

    @Test
    void stoppingWaitsUntilWhatWasLoggedBeforeIsPrinted() {
        start(config("info"));
        LogEntry last = entry("epics", LogLevel.INFO, "FOLLOWER:SRC: link to P:COUNTER connected");
        reader.pending.add(last);           // queued for the listener thread, not delivered yet
        Thread stopping = Thread.currentThread();
        reader.onFlush = marker -> Thread.ofPlatform().start(() -> {
            // deliver only once the stopping thread waits for the marker: it must wait, or this test fails
            long end = System.nanoTime() + 10_000_000_000L;
            while (stopping.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            reader.pending.forEach(reader::deliver);
            reader.deliver(marker);
        });
        ConsoleLog log = started.remove(0);
        log.deactivate();
        assertThat(out()).containsExactly(line(last));
        assertThat(reader.listeners).isEmpty();
    }

    @Test
    void anEntrysExceptionWithItsStackAtDebug() {
        start(config("debug"));
        LogEntry failed = entry("loader", LogLevel.ERROR, "sample x", new IllegalArgumentException("no config.yaml"));
        reader.deliver(failed);
        assertThat(out().get(0)).endsWith(" ERROR [loader] sample x: java.lang.IllegalArgumentException: no config.yaml");
        assertThat(out().get(1)).isEqualTo("java.lang.IllegalArgumentException: no config.yaml");
    }

    // --- fakes -----------------------------------------------------------------------------------------------

    private ConsoleLog start(RuntimeConfig config) {
        ConsoleLog log = new ConsoleLog(config, reader, reader.loggers(), printer);
        started.add(log);
        return log;
    }

    private List<String> out() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }

    private static String line(LogEntry e) {
        return LogPrinter.line(Instant.ofEpochMilli(e.getTime()), e.getLogLevel().name(), e.getLoggerName(), e.getMessage(), e.getException());
    }

    static RuntimeConfig config(String level) {
        return new RuntimeConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RuntimeConfig.class; }
            @Override public String prefix() { return ""; }
            @Override public String beamline() { return "BEAMLINE"; }
            @Override public String namespace() { return "DEFAULT"; }
            @Override public String logLevel() { return level; }
        };
    }

    static LogEntry entry(String name, LogLevel level, String message) {
        return entry(name, level, message, null);
    }

    static LogEntry entry(String name, LogLevel level, String message, Throwable thrown) {
        return new Entry(name, level, message, thrown, T.toEpochMilli() + SEQUENCE.get() % 1000, SEQUENCE.incrementAndGet());
    }

    record Entry(String getLoggerName, LogLevel getLogLevel, String getMessage, Throwable getException, long getTime,
            long getSequence) implements LogEntry {
        @Override public Bundle getBundle() { return null; }
        @Override public ServiceReference<?> getServiceReference() { return null; }
        @Override @SuppressWarnings("deprecation") public int getLevel() { return getLogLevel.ordinal(); }
        @Override public String getThreadInfo() { return "test"; }
        @Override public StackTraceElement getLocation() { return null; }
    }

    /** PluginLog's own rule, at a given threshold. */
    private static final class PluginLogAt {
        private final Level threshold;

        PluginLogAt(Level threshold) {
            this.threshold = threshold;
        }

        boolean isLoggable(Level level) {
            Level before = PluginLog.threshold();
            PluginLog.threshold(threshold);
            try {
                return new PluginLog("x").isLoggable(level);
            } finally {
                PluginLog.threshold(before);
            }
        }
    }

    static final class RootContext implements LoggerContext {
        final Map<String, LogLevel> levels = new HashMap<>();

        @Override public String getName() { return null; }
        @Override public LogLevel getEffectiveLogLevel(String name) { return levels.getOrDefault(Logger.ROOT_LOGGER_NAME, LogLevel.WARN); }
        @Override public Map<String, LogLevel> getLogLevels() { return new HashMap<>(levels); }
        @Override public void setLogLevels(Map<String, LogLevel> l) { levels.clear(); levels.putAll(l); }
        @Override public void clear() { levels.clear(); }
        @Override public boolean isEmpty() { return levels.isEmpty(); }
    }

    /** The Log Service's reader: a history, listeners, and the flush marker's logger. */
    static final class Reader implements LogReaderService {
        final List<LogEntry> history = new ArrayList<>();
        final List<LogListener> listeners = new CopyOnWriteArrayList<>();
        final List<LogEntry> pending = new CopyOnWriteArrayList<>();
        java.util.function.Consumer<LogEntry> onFlush = this::deliver;

        @Override public void addLogListener(LogListener l) { listeners.add(l); }
        @Override public void removeLogListener(LogListener l) { listeners.remove(l); }
        @Override public Enumeration<LogEntry> getLog() { return Collections.enumeration(history); }

        void deliver(LogEntry e) {
            listeners.forEach(l -> l.logged(e));
        }

        LoggerFactory loggers() {
            return (LoggerFactory) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LoggerFactory.class},
                    (proxy, method, args) -> {
                        String name = (String) args[0];
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class}, (p, m, a) -> {
                            if (m.getName().equals("audit")) {
                                onFlush.accept(entry(name, LogLevel.AUDIT, (String) a[0]));
                                return null;
                            }
                            if (m.getName().equals("getName")) {
                                return name;
                            }
                            throw new UnsupportedOperationException(m.getName());
                        });
                    });
        }
    }
}
