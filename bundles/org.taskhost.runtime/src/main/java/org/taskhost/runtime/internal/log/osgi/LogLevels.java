package org.taskhost.runtime.internal.log.osgi;

import java.lang.System.Logger.Level;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.taskhost.runtime.internal.RuntimeConfig;
import org.taskhost.runtime.internal.Settings;

/** The process's one log level: where it comes from, and what it means for the OSGi Log Service's entries. */
final class LogLevels {

    /** The Log Service's own entries for framework, bundle and service events ({@code Events.Bundle.<bsn>}, ...). */
    static final String EVENTS = "Events.";

    private LogLevels() {
    }

    /** @return the process's level, by the runtime's one rule ({@link Settings#logLevel}) */
    static Level resolve(RuntimeConfig config) {
        return Settings.logLevel(config);
    }

    static Level parse(String text) {
        return Settings.level(text);
    }

    /** @return the Log Service level that lets through what {@code level} lets through (AUDIT alone for OFF) */
    static LogLevel osgi(Level level) {
        return switch (level) {
            case ALL, TRACE -> LogLevel.TRACE;
            case DEBUG -> LogLevel.DEBUG;
            case INFO -> LogLevel.INFO;
            case WARNING -> LogLevel.WARN;
            case ERROR -> LogLevel.ERROR;
            case OFF -> LogLevel.AUDIT;
        };
    }

    /**
     * Whether an entry is printed at the process's level. The Log Service's own entries for framework, bundle and
     * service events are not: it makes them at INFO whatever the level (a line for every bundle and service at each
     * start), and the framework prints its errors itself ({@code felix.log.level}), so they would come twice.
     */
    static boolean printed(LogEntry entry, Level threshold) {
        String name = entry.getLoggerName();
        if (threshold == Level.OFF || name != null && name.startsWith(EVENTS)) {
            return false;
        }
        return osgi(threshold).implies(entry.getLogLevel());
    }
}
