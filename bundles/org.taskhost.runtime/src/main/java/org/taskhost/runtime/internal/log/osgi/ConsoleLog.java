package org.taskhost.runtime.internal.log.osgi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LoggerFactory;
import org.taskhost.runtime.internal.RuntimeConfig;
import org.taskhost.runtime.internal.log.LogPrinter;
import org.taskhost.runtime.internal.log.PluginLog;

/**
 * The process's log on standard output, for every bundle. It keeps the one log level, TASKHOST_LOG_LEVEL (alias
 * IOCMNG_LOG_LEVEL) or the configuration's {@code logLevel} of PID {@code org.taskhost.runtime}, live: as
 * {@link PluginLog#threshold()}, which {@link RootLevel} sets as the root level of the OSGi Log Service
 * ({@code LoggerAdmin}), so that a bundle's {@code Logger} makes no entry below it. It prints every Log Service entry
 * at or above that level with the {@link LogPrinter} that prints {@link PluginLog}'s lines: the entries logged before
 * it started (the Log Service keeps the last ones), then each new one as the {@link LogReaderService} delivers it,
 * each once. PluginLog's lines are not Log Service entries, so they cannot come here a second time.
 */
// no service: the listener is added to the LogReaderService, and only there (a LogListener service could be called too)
@Component(service = {}, immediate = true, configurationPid = "org.taskhost.runtime")
public final class ConsoleLog implements LogListener {

    /** The logger of the entry that tells, at deactivation, that every entry logged before it was printed. */
    static final String FLUSH = "org.taskhost.runtime.log.flush";
    private static final long FLUSH_WAIT_MS = 2_000;
    /** The entries printed last, by sequence and time, so that none is printed twice (from the history and live). */
    private static final int REMEMBERED = 4096;
    private static final LinkedHashSet<List<Long>> PRINTED = new LinkedHashSet<>();

    private final LogReaderService reader;
    private final org.osgi.service.log.Logger flush;
    private final LogPrinter printer;
    private volatile CountDownLatch flushed;

    @Activate
    public ConsoleLog(RuntimeConfig config, @Reference LogReaderService reader, @Reference LoggerFactory loggers) {
        this(config, reader, loggers, LogPrinter.CONSOLE);
    }

    ConsoleLog(RuntimeConfig config, LogReaderService reader, LoggerFactory loggers, LogPrinter printer) {
        this.reader = reader;
        this.flush = loggers.getLogger(FLUSH);
        this.printer = printer;
        modified(config);
        reader.addLogListener(this);
        List<LogEntry> history = Collections.list(reader.getLog());
        Collections.reverse(history);
        synchronized (PRINTED) {
            // entries delivered meanwhile wait: the history comes first; those in both are printed once
            history.forEach(this::logged);
        }
    }

    /** Sets the level: the threshold, and so the Log Service's root level. */
    @Modified
    void modified(RuntimeConfig config) {
        PluginLog.threshold(LogLevels.resolve(config));
    }

    /** Waits (a little) until every entry logged so far is printed, then stops listening. */
    @Deactivate
    void deactivate() {
        CountDownLatch done = new CountDownLatch(1);
        flushed = done;
        try {
            flush.audit("console log closing");
            done.await(FLUSH_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the Log Service is going too: nothing more will come
        } finally {
            try {
                reader.removeLogListener(this);
            } catch (RuntimeException e) {
                // already gone with the Log Service
            }
        }
    }

    @Override
    public void logged(LogEntry entry) {
        if (FLUSH.equals(entry.getLoggerName())) {
            CountDownLatch done = flushed;
            if (done != null) {
                done.countDown();
            }
            return;
        }
        if (!LogLevels.printed(entry, PluginLog.threshold())) {
            return;
        }
        synchronized (PRINTED) {
            if (!PRINTED.add(List.of(entry.getSequence(), entry.getTime()))) {
                return;
            }
            if (PRINTED.size() > REMEMBERED) {
                PRINTED.remove(PRINTED.iterator().next());
            }
            Throwable thrown = entry.getException();
            printer.print(LogPrinter.line(Instant.ofEpochMilli(entry.getTime()), entry.getLogLevel().name(),
                    entry.getLoggerName(), entry.getMessage(), thrown), thrown);
        }
    }

    /** For tests: forgets which entries were printed. */
    static void forget() {
        synchronized (PRINTED) {
            PRINTED.clear();
        }
    }
}
