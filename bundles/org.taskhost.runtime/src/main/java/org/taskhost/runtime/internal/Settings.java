package org.taskhost.runtime.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.taskhost.api.runtime.DataDirectory;
import org.taskhost.api.settings.Setting;

/**
 * The runtime's settings, from its configuration: etc/org.taskhost.runtime.cfg maps the environment into it
 * ({@code TASKHOST_*}, with iocmng's {@code IOCMNG_*} names as aliases).
 *
 * @param prefix the PV prefix, without the plugin segment
 * @param logLevel the lowest level printed
 * @param dataDir where what users add is kept (the framework property taskhost.data, which boot sets from TASKHOST_DATA)
 */
public record Settings(String prefix, System.Logger.Level logLevel, Path dataDir) {

    /**
     * @param property looks up a framework property, null if unset
     * @param config the component configuration
     * @throws IllegalArgumentException naming a setting whose placeholder was not replaced
     */
    static Settings resolve(UnaryOperator<String> property, RuntimeConfig config) {
        String prefix = Setting.text("TASKHOST_PREFIX", config.prefix());
        if (prefix.isEmpty()) {
            String beamline = Setting.text("TASKHOST_BEAMLINE", config.beamline()).toUpperCase(Locale.ROOT);
            String namespace = Setting.text("TASKHOST_NAMESPACE", config.namespace()).toUpperCase(Locale.ROOT);
            prefix = beamline.equals(namespace) ? beamline : beamline + ":" + namespace;
        }
        return new Settings(prefix.toUpperCase(Locale.ROOT), logLevel(config), DataDirectory.resolve("", none -> null, property));
    }

    /**
     * The one log level of the process.
     *
     * @param config the runtime's configuration
     */
    public static System.Logger.Level logLevel(RuntimeConfig config) {
        return level(config.logLevel());
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
