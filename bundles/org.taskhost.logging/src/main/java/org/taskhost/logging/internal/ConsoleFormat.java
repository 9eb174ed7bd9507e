package org.taskhost.logging.internal;

import java.io.OutputStream;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The one line format, {@code <instant> LEVEL [logger] text}, then the exception's stack with every cause
 * (Logback adds {@code %ex} to a pattern that has none), on standard output. An entry of the OSGi Log Service at
 * AUDIT (the lines an operator needs at any level: where the servers listen, where the admin token is) is printed
 * whatever the level, as AUDIT.
 */
final class ConsoleFormat {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%logger] %msg%n";
    static final String APPENDER = "console";
    /** Marks an event that is printed at any level (the OSGi Log Service's AUDIT). */
    static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");

    private ConsoleFormat() {
    }

    /** Replaces whatever the context had (Logback's own default: DEBUG in another format) with the one format. */
    static void apply(LoggerContext context, OutputStream out, Level root) {
        context.reset();
        context.addTurboFilter(new AuditAlwaysPasses());
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("level", AuditLevel::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> console = new OutputStreamAppender<>();
        console.setName(APPENDER);
        console.setContext(context);
        console.setEncoder(encoder);
        console.setOutputStream(out);
        console.start();
        ch.qos.logback.classic.Logger top = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        top.setLevel(root);
        top.addAppender(console);
    }

    static boolean audit(ILoggingEvent event) {
        return event.getMarkerList() != null && event.getMarkerList().stream().anyMatch(m -> m.contains(AUDIT));
    }

    /** Prints AUDIT for an audit event, else the level's name. */
    static final class AuditLevel extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return audit(event) ? "AUDIT" : event.getLevel().toString();
        }
    }

    /** Lets an audit event through below the logger's level. */
    static final class AuditAlwaysPasses extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                Object[] params, Throwable t) {
            return marker != null && marker.contains(AUDIT) ? FilterReply.ACCEPT : FilterReply.NEUTRAL;
        }
    }
}
