package org.taskhost.runtime.internal.log.osgi;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * Sets each new {@link org.taskhost.runtime.internal.log.PluginLog#threshold(Level) threshold} as the OSGi Log
 * Service's root level: a bundle's {@link Logger} then makes no entry below the process's level. PluginLog calls it
 * from the first setting on, before any component of this bundle has started: the extender sets the level before it
 * registers the PV registry, so the bundles that wait for that registry (the loader, the CA server) log at the right
 * level from their first line.
 */
public final class RootLevel implements Consumer<Level> {

    /** The root logger context to set, for tests; null: the Log Service's, looked up at each change. */
    private final Supplier<LoggerContext> root;

    /** Sets the Log Service's root level, looked up through this bundle's context (none outside a framework). */
    public RootLevel() {
        this(null);
    }

    RootLevel(Supplier<LoggerContext> root) {
        this.root = root;
    }

    @Override
    public void accept(Level level) {
        try {
            if (root != null) {
                set(root.get(), level);
                return;
            }
            Bundle bundle = FrameworkUtil.getBundle(RootLevel.class);
            BundleContext context = bundle == null ? null : bundle.getBundleContext();
            ServiceReference<LoggerAdmin> ref = context == null ? null : context.getServiceReference(LoggerAdmin.class);
            LoggerAdmin admin = ref == null ? null : context.getService(ref);
            if (admin != null) {
                try {
                    set(admin.getLoggerContext(null), level);
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (RuntimeException e) {
            // no Log Service (not started yet, or stopping): it has no levels to follow
        }
    }

    /** Sets the root level, keeping whatever other logger levels the root context has. */
    static void set(LoggerContext root, Level level) {
        Map<String, LogLevel> levels = new HashMap<>(root.getLogLevels());
        levels.put(Logger.ROOT_LOGGER_NAME, LogLevels.osgi(level));
        root.setLogLevels(levels);
    }
}
