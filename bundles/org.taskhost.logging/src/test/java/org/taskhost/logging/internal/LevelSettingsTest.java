package org.taskhost.logging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

class LevelSettingsTest {

    static final UnaryOperator<String> NO_ENV = name -> null;

    @Test
    void theRootLevelComesFromTheEnvironmentThenLogLevelThenInfo() {
        assertThat(LevelSettings.of(Map.of(), NO_ENV).root()).isEqualTo(Level.INFO);
        assertThat(LevelSettings.of(Map.of("logLevel", "debug"), NO_ENV).root()).isEqualTo(Level.DEBUG);
        assertThat(LevelSettings.of(Map.of("logLevel", "debug"), env("TASKHOST_LOG_LEVEL", "Warning")).root()).isEqualTo(Level.WARN);
        assertThat(LevelSettings.of(Map.of("logLevel", "debug"), env("IOCMNG_LOG_LEVEL", "error")).root()).isEqualTo(Level.ERROR);
        assertThat(LevelSettings.of(Map.of("logLevel", "debug"), env("TASKHOST_LOG_LEVEL", "  ")).root()).isEqualTo(Level.DEBUG);
    }

    @Test
    void eachLoggerHasItsLevel() {
        LevelSettings s = LevelSettings.of(Map.of("logger.org.eclipse.jetty", "warn", "logger.monitor", "TRACE",
                "service.pid", "org.taskhost.logging", "prefix", "X"), NO_ENV);
        assertThat(s.loggers()).containsOnly(Map.entry("org.eclipse.jetty", Level.WARN), Map.entry("monitor", Level.TRACE));
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void aValueThatIsNoLevelIsNamedAndLeftOut() {
        LevelSettings s = LevelSettings.of(Map.of("logger.monitor", "loud", "logger.mqtt", "off", "logLevel", "chatty"),
                env("TASKHOST_LOG_LEVEL", "verbose"));
        assertThat(s.root()).as("the default").isEqualTo(Level.INFO);
        assertThat(s.loggers()).containsOnly(Map.entry("mqtt", Level.OFF));
        assertThat(s.problems()).containsExactly(
                "TASKHOST_LOG_LEVEL: 'verbose' is not a level (trace, debug, info, warn, error or off)",
                "logLevel: 'chatty' is not a level (trace, debug, info, warn, error or off)",
                "logger.monitor: 'loud' is not a level (trace, debug, info, warn, error or off); that logger keeps the root's");
    }

    static UnaryOperator<String> env(String name, String value) {
        return n -> n.equals(name) ? value : null;
    }
}
