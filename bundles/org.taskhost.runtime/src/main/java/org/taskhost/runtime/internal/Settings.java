package org.taskhost.runtime.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.taskhost.api.runtime.DataDirectory;

/**
 * The runtime's settings: environment variables ({@code TASKHOST_*}, with iocmng's {@code IOCMNG_*} names as
 * aliases) win over the configuration, which wins over the defaults.
 *
 * @param prefix the PV prefix, without the plugin segment
 * @param logLevel the lowest level printed
 * @param dataDir where what users add is kept ({@code TASKHOST_DATA}, default {@code ./data})
 */
public record Settings(String prefix, System.Logger.Level logLevel, java.nio.file.Path dataDir) {

    /**
     * @param env looks up an environment variable, null if unset
     * @param property looks up a framework property, null if unset
     * @param config the component configuration
     */
    static Settings resolve(UnaryOperator<String> env, UnaryOperator<String> property, RuntimeConfig config) {
        String prefix = first(env, "TASKHOST_PREFIX", "IOCMNG_PREFIX", config.prefix());
        if (prefix.isEmpty()) {
            String beamline = first(env, "TASKHOST_BEAMLINE", "BEAMLINE", config.beamline()).toUpperCase(Locale.ROOT);
            String namespace = first(env, "TASKHOST_NAMESPACE", "NAMESPACE", config.namespace()).toUpperCase(Locale.ROOT);
            prefix = beamline.equals(namespace) ? beamline : beamline + ":" + namespace;
        }
        return new Settings(prefix.toUpperCase(Locale.ROOT), logLevel(env, config), DataDirectory.resolve("", env, property));
    }

    /**
     * The one log level of the process: TASKHOST_LOG_LEVEL, else IOCMNG_LOG_LEVEL, else the configuration's.
     *
     * @param env looks up an environment variable, null if unset
     * @param config the runtime's configuration
     */
    public static System.Logger.Level logLevel(UnaryOperator<String> env, RuntimeConfig config) {
        return level(first(env, "TASKHOST_LOG_LEVEL", "IOCMNG_LOG_LEVEL", config.logLevel()));
    }

    private static String first(UnaryOperator<String> env, String name, String alias, String fallback) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            v = env.apply(alias);
        }
        return v == null || v.isBlank() ? (fallback == null ? "" : fallback) : v.trim();
    }

    /** @return trace, debug, info, warn (or warning) and error, in any case; anything else is INFO */
    public static System.Logger.Level level(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "trace" -> System.Logger.Level.TRACE;
            case "debug" -> System.Logger.Level.DEBUG;
            case "warn", "warning" -> System.Logger.Level.WARNING;
            case "error" -> System.Logger.Level.ERROR;
            default -> System.Logger.Level.INFO;
        };
    }
}
