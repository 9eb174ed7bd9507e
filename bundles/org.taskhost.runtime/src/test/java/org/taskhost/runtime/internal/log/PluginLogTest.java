package org.taskhost.runtime.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginLogTest {

    @AfterEach
    void reset() {
        PluginLog.threshold(Level.INFO);
    }

    @Test
    void inTheRuntimeTheLogServicesRootLevelFollowsTheThreshold() {
        assertThat(PluginLog.follower()).as("found by name: a copy of this package elsewhere has none").isNotNull();
        assertThat(PluginLog.follower().getClass().getName()).isEqualTo("org.taskhost.runtime.internal.log.osgi.RootLevel");
    }

    @Test
    void linesBelowTheThresholdAreNeitherPrintedNorKept() {
        PluginLog.threshold(Level.WARNING);
        PluginLog log = new PluginLog("probe");
        log.log(Level.INFO, "quiet");
        log.log(Level.WARNING, "loud {0}", 1);
        log.log(Level.ERROR, "failed", new IllegalStateException("x"));
        assertThat(log.isLoggable(Level.INFO)).isFalse();
        assertThat(log.recent()).hasSize(2);
        assertThat(log.recent().get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z WARN  \\[probe\\] loud 1");
        assertThat(log.recent().get(1)).endsWith(" ERROR [probe] failed: java.lang.IllegalStateException: x");

        PluginLog.threshold(Level.DEBUG);
        log.log(Level.DEBUG, "now kept");
        assertThat(log.recent()).hasSize(3).last().asString().endsWith(" DEBUG [probe] now kept");
    }

    @Test
    void theLastLinesAreKept() {
        PluginLog log = new PluginLog("ticker");
        for (int i = 0; i < PluginLog.KEEP + 5; i++) {
            log.log(Level.INFO, "tick " + i);
        }
        assertThat(log.recent()).hasSize(PluginLog.KEEP);
        assertThat(log.recent().get(0)).endsWith("[ticker] tick 5");
    }
}
