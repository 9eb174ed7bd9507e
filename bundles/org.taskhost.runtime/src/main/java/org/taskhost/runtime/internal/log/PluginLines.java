package org.taskhost.runtime.internal.log;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/**
 * An appender of the one log pipeline that keeps the last {@value #KEEP} lines of each {@link PluginLog}'s logger,
 * as printed (without the stack: the exception's class and message end the line). It sees what the pipeline lets
 * through, so the kept lines follow the levels set in etc/ like the printed ones.
 */
public final class PluginLines extends AppenderBase<ILoggingEvent> {

    static final int KEEP = 200;
    static final String FALLBACK_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%logger] %msg";
    private static final ConcurrentHashMap<String, WeakReference<Ring>> RINGS = new ConcurrentHashMap<>();

    private final PatternLayout layout = new PatternLayout();

    /** A new ring for the logger's lines (a new runner starts with none), kept while the caller holds it. */
    static Ring keep(String name) {
        Ring ring = new Ring();
        RINGS.put(name, new WeakReference<>(ring));
        return ring;
    }

    /** Adds the appender to the root logger of the pipeline; null where SLF4J's provider is not Logback (a bench). */
    public static PluginLines attach() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        PluginLines lines = new PluginLines();
        lines.setName("plugin lines");
        lines.setContext(context);
        lines.layout.setContext(context);
        lines.layout.setPattern(printedPattern(context));
        lines.layout.start();
        lines.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
        return lines;
    }

    public void detach() {
        ((LoggerContext) getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    /** The console's pattern, one line without the stack: the kept lines read as the printed ones. */
    static String printedPattern(LoggerContext context) {
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders(); it.hasNext();) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out && out.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> e
                    && e.getLayout() instanceof PatternLayout printed) {
                return printed.getPattern().replace("%n", "%nopex");
            }
        }
        return FALLBACK_PATTERN + "%nopex";
    }

    @Override
    protected void append(ILoggingEvent event) {
        WeakReference<Ring> ref = RINGS.get(event.getLoggerName());
        Ring ring = ref == null ? null : ref.get();
        if (ring == null) {
            if (ref != null) {
                RINGS.remove(event.getLoggerName(), ref);
            }
            return;
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        ring.add(layout.doLayout(event) + (thrown == null ? "" : ": " + thrown.getClassName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())));
    }

    /** The last lines of one logger. */
    static final class Ring {
        private final ArrayDeque<String> lines = new ArrayDeque<>();

        synchronized void add(String line) {
            if (lines.size() == KEEP) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
