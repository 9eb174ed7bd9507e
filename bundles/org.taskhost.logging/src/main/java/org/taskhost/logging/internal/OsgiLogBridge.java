package org.taskhost.logging.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Passes each entry of the OSGi Log Service to the logger of the same name, at the same level, with its exception:
 * so a bundle that logs through {@code LoggerFactory} (the loader, the CA server, MQTT, devices, SCR) is printed and
 * leveled like every other line. AUDIT entries carry the {@link ConsoleFormat#AUDIT} marker.
 * <p>
 * The Log Service's own entries for framework, bundle and service events ({@code Events.*}) are left out: it makes
 * them whatever the level (a line for every bundle and service at each start), and the framework prints its errors
 * itself.
 */
final class OsgiLogBridge implements LogListener {

    static final String EVENTS = "Events.";
    /** The logger of the entry that tells, at the bundle's stop, that every entry logged before it was passed on. */
    static final String FLUSH = "org.taskhost.logging.flush";

    private final ILoggerFactory loggers;
    private final CountDownLatch flushed = new CountDownLatch(1);

    OsgiLogBridge(ILoggerFactory loggers) {
        this.loggers = loggers;
    }

    @Override
    public void logged(LogEntry entry) {
        String name = entry.getLoggerName();
        if (FLUSH.equals(name)) {
            flushed.countDown();
            return;
        }
        if (name == null) {
            name = entry.getBundle() == null ? "osgi" : entry.getBundle().getSymbolicName();
        } else if (name.startsWith(EVENTS)) {
            return;
        }
        Logger logger = loggers.getLogger(name);
        String text = entry.getMessage();
        Throwable thrown = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT -> logger.info(ConsoleFormat.AUDIT, text, thrown);
            case ERROR -> logger.error(text, thrown);
            case WARN -> logger.warn(text, thrown);
            case INFO -> logger.info(text, thrown);
            case DEBUG -> logger.debug(text, thrown);
            case TRACE -> logger.trace(text, thrown);
        }
    }

    /** Waits, a little, until the Log Service (which calls listeners on its own thread) delivered the flush entry. */
    boolean awaitFlush(long millis) throws InterruptedException {
        return flushed.await(millis, TimeUnit.MILLISECONDS);
    }
}
