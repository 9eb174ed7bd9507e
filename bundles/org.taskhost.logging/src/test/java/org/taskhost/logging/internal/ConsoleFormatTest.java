package org.taskhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

class ConsoleFormatTest {

    final LoggerContext context = context();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void oneLinePerEventThenTheStackWithEveryCause() {
        ConsoleFormat.apply(context, out, Level.INFO);
        Logger log = context.getLogger("monitor");
        log.info("STATUS RUN: Task running");
        log.error("execute() failed", new IllegalStateException("outer", new java.io.IOException("the root cause")));
        String[] lines = printed().split("\n");
        assertThat(lines[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  \\[monitor\\] STATUS RUN: Task running");
        assertThat(lines[1]).endsWith(" ERROR [monitor] execute() failed");
        assertThat(lines[2]).isEqualTo("java.lang.IllegalStateException: outer");
        assertThat(printed()).contains("Caused by: java.io.IOException: the root cause");
    }

    @Test
    void belowTheLevelNothingButAuditIsPrinted() {
        ConsoleFormat.apply(context, out, Level.WARN);
        Logger log = context.getLogger("rest");
        log.info("quiet");
        log.info(ConsoleFormat.AUDIT, "REST API on http://127.0.0.1:8080/api/v1");
        log.warn("loud");
        assertThat(printed().split("\n")).hasSize(2).satisfiesExactly(
                l -> assertThat(l).endsWith(" AUDIT [rest] REST API on http://127.0.0.1:8080/api/v1"),
                l -> assertThat(l).endsWith(" WARN  [rest] loud"));
    }

    @Test
    void levelsChangeLiveAndALoggerLeftOutFollowsItsParentAgain() {
        ConsoleFormat.apply(context, out, Level.INFO);
        Set<String> leveled = new HashSet<>();
        LogLevelsComponent.apply(context, LevelSettings.of(Map.of("logger.epics", "debug")), leveled);
        context.getLogger("epics").debug("CA put refused");
        context.getLogger("epics.links").debug("below epics");
        context.getLogger("mqtt").debug("not this");
        LogLevelsComponent.apply(context, LevelSettings.of(Map.of()), leveled);
        context.getLogger("epics").debug("not after the change");
        assertThat(printed().split("\n")).satisfiesExactly(
                l -> assertThat(l).endsWith(" DEBUG [epics] CA put refused"),
                l -> assertThat(l).endsWith(" DEBUG [epics.links] below epics"));
        assertThat(LogLevelsComponent.osgi(LevelSettings.of(Map.of("logLevel", "off", "logger.a", "trace"))))
                .containsOnly(Map.entry("ROOT", org.osgi.service.log.LogLevel.AUDIT), Map.entry("a", org.osgi.service.log.LogLevel.TRACE));
    }

    private String printed() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A context as SLF4J's provider makes it: with its MDC adapter. */
    static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        return context;
    }
}
