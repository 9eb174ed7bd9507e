package org.taskhost.runtime.internal.log;

import java.util.Iterator;

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
 * An appender of the one log pipeline (Logback) that gives {@link PluginLines} each line as printed, without the
 * stack (the exception's class and message end the line). It sees what the levels let through, so the kept lines
 * follow the levels set in etc/ like the printed ones.
 */
public final class PluginLinesAppender extends AppenderBase<ILoggingEvent> {

    static final String FALLBACK_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%logger] %msg%n";

    private final PatternLayout layout = new PatternLayout();

    /** Adds the appender to the root logger of the pipeline; null where SLF4J's provider is not Logback. */
    public static PluginLinesAppender attach() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        PluginLinesAppender lines = new PluginLinesAppender();
        lines.setName("plugin lines");
        lines.setContext(context);
        lines.layout.setContext(context);
        lines.layout.setPattern(printedPattern(context).replace("%n", "%nopex"));
        lines.layout.start();
        lines.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
        return lines;
    }

    public void detach() {
        ((LoggerContext) getContext()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    /** The console's pattern: the kept lines read as the printed ones. */
    static String printedPattern(LoggerContext context) {
        for (Iterator<Appender<ILoggingEvent>> it = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders(); it.hasNext();) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out && out.getEncoder() instanceof LayoutWrappingEncoder<ILoggingEvent> e
                    && e.getLayout() instanceof PatternLayout printed) {
                return printed.getPattern();
            }
        }
        return FALLBACK_PATTERN;
    }

    @Override
    protected void append(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        PluginLines.add(event.getLoggerName(), layout.doLayout(event) + (thrown == null ? "" : ": " + thrown.getClassName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())));
    }
}
