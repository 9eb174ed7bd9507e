package org.taskhost.runtime.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

class PluginLogTest {

    final PluginLinesAppender lines = PluginLinesAppender.attach();

    @AfterEach
    void detach() {
        lines.detach();
        context().getLogger("probe").setLevel(null);
    }

    static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    @Test
    void theLinesThePipelineLetsThroughAreKeptAsPrinted() {
        context().getLogger("probe").setLevel(ch.qos.logback.classic.Level.WARN);
        PluginLog log = new PluginLog("probe");
        log.log(Level.INFO, "quiet");
        log.log(Level.WARNING, "loud {0}", 1);
        log.log(Level.ERROR, "failed", new IllegalStateException("x"));
        assertThat(log.isLoggable(Level.INFO)).isFalse();
        assertThat(log.recent()).hasSize(2);
        assertThat(log.recent().get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z WARN  \\[probe\\] loud 1");
        assertThat(log.recent().get(1)).endsWith(" ERROR [probe] failed: java.lang.IllegalStateException: x");

        context().getLogger("probe").setLevel(ch.qos.logback.classic.Level.DEBUG);
        log.log(Level.DEBUG, "now kept");
        assertThat(log.recent()).hasSize(3).last().asString().endsWith(" DEBUG [probe] now kept");
    }

    @Test
    void theLastLinesAreKeptAndANewLoggerOfTheSameNameStartsAfresh() {
        PluginLog log = new PluginLog("ticker");
        for (int i = 0; i < PluginLines.KEEP + 5; i++) {
            log.log(Level.INFO, "tick " + i);
        }
        assertThat(log.recent()).hasSize(PluginLines.KEEP);
        assertThat(log.recent().get(0)).endsWith("[ticker] tick 5");
        assertThat(new PluginLog("ticker").recent()).isEmpty();
    }
}
