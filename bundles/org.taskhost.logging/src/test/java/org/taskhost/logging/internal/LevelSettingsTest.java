package org.taskhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

class LevelSettingsTest {

    @Test
    void theRootLevelIsLogLevelElseInfo() {
        assertThat(LevelSettings.of(Map.of()).root()).isEqualTo(Level.INFO);
        assertThat(LevelSettings.of(Map.of("logLevel", "debug")).root()).isEqualTo(Level.DEBUG);
        assertThat(LevelSettings.of(Map.of("logLevel", "Warning")).root()).isEqualTo(Level.WARN);
        assertThat(LevelSettings.of(Map.of("logLevel", "  ")).root()).as("an empty variable").isEqualTo(Level.INFO);
    }

    @Test
    void eachLoggerHasItsLevel() {
        LevelSettings s = LevelSettings.of(Map.of("logger.org.eclipse.jetty", "warn", "logger.monitor", "TRACE",
                "service.pid", "org.taskhost.logging", "prefix", "X"));
        assertThat(s.loggers()).containsOnly(Map.entry("org.eclipse.jetty", Level.WARN), Map.entry("monitor", Level.TRACE));
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void aValueThatIsNoLevelIsNamedAndLeftOut() {
        LevelSettings s = LevelSettings.of(Map.of("logger.monitor", "loud", "logger.mqtt", "off", "logLevel", "chatty"));
        assertThat(s.root()).as("the default").isEqualTo(Level.INFO);
        assertThat(s.loggers()).containsOnly(Map.entry("mqtt", Level.OFF));
        assertThat(s.problems()).containsExactly(
                "TASKHOST_LOG_LEVEL (logLevel): 'chatty' is not a level (trace, debug, info, warn, error or off)",
                "logger.monitor: 'loud' is not a level (trace, debug, info, warn, error or off); that logger keeps the root's");
    }
}
