package org.taskhost.logging.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

/**
 * Keeps the levels live from the configuration: the root level from {@code logLevel} of PID
 * {@code org.taskhost.runtime} (where etc/ interpolates TASKHOST_LOG_LEVEL) and {@code logger.<name>=<level>} of PID
 * {@code org.taskhost.logging} (etc/org.taskhost.logging.cfg), set on Logback's loggers (and through them on
 * java.util.logging's) and as the OSGi Log Service's levels, so that a bundle's {@code org.osgi.service.log.Logger}
 * makes no entry that would not be printed. A changed file applies at once, with no restart.
 */
@Component(service = {}, immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        configurationPid = {"org.taskhost.runtime", "org.taskhost.logging"})
public final class LogLevelsComponent {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("logging");

    private final LoggerAdmin admin;
    private final LoggerContext logback;
    /** The loggers given a level by the last configuration, to give back the root's when the file drops them. */
    private final Set<String> leveled = new HashSet<>();

    @Activate
    public LogLevelsComponent(@Reference LoggerAdmin admin, Map<String, Object> properties) {
        this.admin = admin;
        this.logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        modified(properties);
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        LevelSettings levels = LevelSettings.of(properties);
        apply(logback, levels, leveled);
        admin.getLoggerContext(null).setLogLevels(osgi(levels));
        levels.problems().forEach(p -> LOG.warn("org.taskhost.logging: {}", p));
    }

    /** Sets the levels on Logback's loggers; those set before and now left out follow their parent again. */
    static void apply(LoggerContext context, LevelSettings levels, Set<String> leveled) {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(levels.root());
        leveled.stream().filter(name -> !levels.loggers().containsKey(name)).forEach(name -> context.getLogger(name).setLevel(null));
        levels.loggers().forEach((name, level) -> context.getLogger(name).setLevel(level));
        leveled.clear();
        leveled.addAll(levels.loggers().keySet());
    }

    /** @return the same levels for the OSGi Log Service (OFF lets only AUDIT through there) */
    static Map<String, LogLevel> osgi(LevelSettings levels) {
        Map<String, LogLevel> map = new HashMap<>();
        map.put(org.osgi.service.log.Logger.ROOT_LOGGER_NAME, osgi(levels.root()));
        levels.loggers().forEach((name, level) -> map.put(name, osgi(level)));
        return map;
    }

    static LogLevel osgi(Level level) {
        return switch (level.toInt()) {
            case Level.TRACE_INT, Level.ALL_INT -> LogLevel.TRACE;
            case Level.DEBUG_INT -> LogLevel.DEBUG;
            case Level.INFO_INT -> LogLevel.INFO;
            case Level.WARN_INT -> LogLevel.WARN;
            case Level.ERROR_INT -> LogLevel.ERROR;
            default -> LogLevel.AUDIT;
        };
    }
}
