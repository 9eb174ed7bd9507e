package org.taskhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

class OsgiLogBridgeTest {

    final LoggerContext context = ConsoleFormatTest.context();
    final ListAppender<ILoggingEvent> seen = new ListAppender<>();
    final OsgiLogBridge bridge = new OsgiLogBridge(context);

    OsgiLogBridgeTest() {
        seen.setContext(context);
        seen.start();
        context.getLogger("ROOT").addAppender(seen);
        context.getLogger("ROOT").setLevel(Level.DEBUG);
    }

    @Test
    void anEntryGoesToTheLoggerOfItsNameAtItsLevelWithItsException() {
        IllegalStateException failure = new IllegalStateException("x");
        bridge.logged(new Entry("loader", LogLevel.WARN, "cannot clone", failure));
        bridge.logged(new Entry("epics", LogLevel.DEBUG, "CA put refused", null));
        bridge.logged(new Entry("epics", LogLevel.TRACE, "below the level", null));
        bridge.logged(new Entry("rest", LogLevel.AUDIT, "REST API on", null));
        List<ILoggingEvent> events = seen.list;
        assertThat(events).hasSize(3);
        assertThat(events.get(0).getLoggerName()).isEqualTo("loader");
        assertThat(events.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(events.get(0).getThrowableProxy().getMessage()).isEqualTo("x");
        assertThat(events.get(1).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(ConsoleFormat.audit(events.get(2))).isTrue();
    }

    @Test
    void theLogServicesOwnEventsAreLeftOutAndTheFlushEntryIsCounted() throws InterruptedException {
        bridge.logged(new Entry("Events.Service.org.apache.felix.scr", LogLevel.INFO, "ServiceEvent REGISTERED", null));
        assertThat(bridge.awaitFlush(0)).isFalse();
        bridge.logged(new Entry(OsgiLogBridge.FLUSH, LogLevel.AUDIT, "flush", null));
        assertThat(bridge.awaitFlush(0)).isTrue();
        assertThat(seen.list).isEmpty();
    }

    record Entry(String getLoggerName, LogLevel getLogLevel, String getMessage, Throwable getException) implements LogEntry {
        @Override public Bundle getBundle() { return null; }
        @Override public ServiceReference<?> getServiceReference() { return null; }
        @Override @SuppressWarnings("deprecation") public int getLevel() { return getLogLevel.ordinal(); }
        @Override public long getTime() { return 0; }
        @Override public long getSequence() { return 0; }
        @Override public String getThreadInfo() { return "test"; }
        @Override public StackTraceElement getLocation() { return null; }
    }
}
