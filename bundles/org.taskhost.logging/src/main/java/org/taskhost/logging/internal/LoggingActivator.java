package org.taskhost.logging.internal;

import java.io.IOException;
import java.util.Map;
import java.util.logging.LogManager;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.ILoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;

/**
 * Sets up the one pipeline before the other bundles start: Logback's console in the one format at the root level the
 * environment asks for (Config Admin's levels follow when {@link LogLevelsComponent} starts), java.util.logging into
 * SLF4J with JUL's levels kept equal to Logback's (so a JUL logger makes no record below its level), and the OSGi Log
 * Service's entries into SLF4J as soon as a {@link LogReaderService} is there.
 */
public final class LoggingActivator implements BundleActivator {

    private static final long FLUSH_WAIT_MS = 2_000;

    private ServiceTracker<LogReaderService, OsgiLogBridge> readers;
    private LevelChangePropagator julLevels;

    @Override
    public void start(BundleContext context) {
        ILoggerFactory factory = org.slf4j.LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext logback)) {
            throw new IllegalStateException("SLF4J found no Logback provider but " + factory.getClass().getName()
                    + ": SPI Fly, slf4j.api and ch.qos.logback.classic must start before org.taskhost.logging");
        }
        // until Config Admin delivers logLevel: the level the boot bundle read from TASKHOST_LOG_LEVEL before the framework started
        String early = context.getProperty("taskhost.log.level");
        ConsoleFormat.apply(logback, System.out, LevelSettings.of(early == null ? Map.of() : Map.of("logLevel", early)).root());
        julLevels = new LevelChangePropagator();
        julLevels.setContext(logback);
        julLevels.setResetJUL(true);
        logback.addListener(julLevels);
        julLevels.start();
        ch.qos.logback.classic.Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        julLevels.onLevelChange(root, root.getLevel());    // set before the propagator listened
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        readers = new ServiceTracker<>(context, LogReaderService.class, null) {
            @Override
            public OsgiLogBridge addingService(ServiceReference<LogReaderService> ref) {
                LogReaderService reader = context.getService(ref);
                OsgiLogBridge bridge = new OsgiLogBridge(logback);
                reader.addLogListener(bridge);
                return bridge;
            }

            @Override
            public void removedService(ServiceReference<LogReaderService> ref, OsgiLogBridge bridge) {
                try {
                    context.getService(ref).removeLogListener(bridge);
                } catch (RuntimeException e) {
                    // the Log Service has gone already, and its listeners with it
                }
                context.ungetService(ref);
            }
        };
        readers.open();
    }

    @Override
    public void stop(BundleContext context) throws InterruptedException {
        flush(context);
        readers.close();
        SLF4JBridgeHandler.uninstall();
        julLevels.stop();
        try {
            LogManager.getLogManager().readConfiguration();    // JUL's own console again, for what still logs
        } catch (IOException | RuntimeException e) {
            // the JDK's defaults cannot be read: JUL stays silent
        }
    }

    /** Waits until the entries logged before this stop (the other bundles' last ones) have been printed. */
    private void flush(BundleContext context) throws InterruptedException {
        OsgiLogBridge bridge = readers.getService();
        ServiceReference<LoggerFactory> ref = context.getServiceReference(LoggerFactory.class);
        LoggerFactory loggers = ref == null ? null : context.getService(ref);
        if (bridge != null && loggers != null) {
            try {
                loggers.getLogger(OsgiLogBridge.FLUSH).audit("flush");
                bridge.awaitFlush(FLUSH_WAIT_MS);
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
