package org.taskhost.runtime.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

import org.taskhost.api.runtime.DataDirectory;

/**
 * The runtime's settings: environment variables ({@code TASKHOST_*}, with iocmng's {@code IOCMNG_*} names as
 * aliases) win over the configuration, which wins over the defaults.
 *
 * @param prefix the PV prefix, without the plugin segment
 * @param dataDir where what users add is kept ({@code TASKHOST_DATA}, default {@code ./data})
 */
public record Settings(String prefix, java.nio.file.Path dataDir) {

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
        return new Settings(prefix.toUpperCase(Locale.ROOT), DataDirectory.resolve("", env, property));
    }

    private static String first(UnaryOperator<String> env, String name, String alias, String fallback) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            v = env.apply(alias);
        }
        return v == null || v.isBlank() ? (fallback == null ? "" : fallback) : v.trim();
    }
}
