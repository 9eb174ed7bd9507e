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
 * @param dataDir where what users add is kept (the framework property taskhost.data, which boot sets from TASKHOST_DATA)
 */
public record Settings(String prefix, Path dataDir) {

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
        return new Settings(prefix.toUpperCase(Locale.ROOT), DataDirectory.resolve("", none -> null, property));
    }
}
