package org.taskhost.logging.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ch.qos.logback.classic.Level;

/**
 * The levels the configuration asks for: the root level ({@code logLevel} of PID {@code org.taskhost.runtime}, into which
 * etc/org.taskhost.runtime.cfg interpolates {@code TASKHOST_LOG_LEVEL}, alias {@code IOCMNG_LOG_LEVEL}; empty: info) and
 * one level per logger
 * ({@code logger.<name>=<level>} in PID {@code org.taskhost.logging}). A value that is not a level is left out and
 * named in {@link #problems()}; the rest applies.
 *
 * @param root the root logger's level
 * @param loggers the level of each named logger (and, as in Logback, of the loggers below it)
 * @param problems one sentence per value refused, naming where it came from
 */
record LevelSettings(Level root, Map<String, Level> loggers, List<String> problems) {

    static final String LOGGER = "logger.";
    static final String NAMES = "trace, debug, info, warn, error or off";

    /** @param properties the merged configuration of PIDs org.taskhost.runtime and org.taskhost.logging */
    static LevelSettings of(Map<String, ?> properties) {
        List<String> problems = new ArrayList<>();
        Level root = Level.INFO;
        Object text = properties.get("logLevel");
        if (text != null && !text.toString().isBlank()) {
            Level level = parse(text.toString());
            if (level != null) {
                root = level;
            } else {
                problems.add("TASKHOST_LOG_LEVEL (logLevel): '" + text + "' is not a level (" + NAMES + ")");
            }
        }
        Map<String, Level> loggers = new LinkedHashMap<>();
        properties.keySet().stream().filter(k -> k.startsWith(LOGGER) && k.length() > LOGGER.length()).sorted().forEach(key -> {
            Level level = parse(String.valueOf(properties.get(key)));
            if (level == null) {
                problems.add(key + ": '" + properties.get(key) + "' is not a level (" + NAMES + "); that logger keeps the root's");
            } else {
                loggers.put(key.substring(LOGGER.length()), level);
            }
        });
        return new LevelSettings(root, Map.copyOf(loggers), List.copyOf(problems));
    }

    /** @return the level named (warning and all are accepted too, any case), null if none is */
    static Level parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "trace", "all" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            case "off" -> Level.OFF;
            default -> null;
        };
    }
}
