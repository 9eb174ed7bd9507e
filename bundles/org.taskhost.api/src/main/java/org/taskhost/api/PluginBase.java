package org.taskhost.api;

import java.lang.System.Logger;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;
import org.taskhost.api.device.Devices;
import org.taskhost.api.pv.Pv;

/**
 * What tasks and jobs share: access to their name, parameters, PVs and logger.
 * Every call the runtime makes into one plugin runs on that plugin's own serial executor,
 * so plugin code never needs a lock.
 */
@ConsumerType
public abstract class PluginBase {

    private volatile PluginContext context;

    /**
     * Called once by the runtime before {@code initialize()}; plugins do not call it.
     *
     * @param context the context of this plugin instance
     * @throws IllegalStateException if the plugin already has a context
     */
    public final void attach(PluginContext context) {
        Objects.requireNonNull(context, "context");
        synchronized (this) {
            if (this.context != null) {
                throw new IllegalStateException("plugin already attached to " + this.context.name());
            }
            this.context = context;
        }
    }

    /** @return the runtime context; fails if called from the constructor */
    protected final PluginContext context() {
        PluginContext c = context;
        if (c == null) {
            throw new IllegalStateException("the plugin context is available from initialize() on, not in the constructor");
        }
        return c;
    }

    /** @return the plugin's name */
    protected final String name() {
        return context().name();
    }

    /** @return the merged parameters of this plugin */
    protected final Parameters parameters() {
        return context().parameters();
    }

    /**
     * @param name a PV's short name
     * @return the PV handle
     * @throws IllegalArgumentException if there is no PV of that name
     */
    protected final Pv pv(String name) {
        return context().pv(name);
    }

    /** @return the plugin's logger */
    protected final Logger logger() {
        return context().logger();
    }

    /** @param message the new MESSAGE text */
    protected final void setMessage(String message) {
        context().setMessage(message);
    }

    /**
     * @return the devices and their points (see {@link PluginContext#devices()})
     * @since 1.1
     */
    protected final Devices devices() {
        return context().devices();
    }
}
