package org.taskhost.api.pv;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A process variable of a running plugin. Plugins {@link #set(Object)} their outputs;
 * clients (EPICS, REST, the shell) {@link #put(Object)}, which is validated and then handed to the plugin.
 */
@ProviderType
public interface Pv {

    /** @return the short name, as in config.yaml (for example {@code READING}) */
    String name();

    /** @return the full name served to clients, {@code prefix:PLUGIN:NAME} */
    String fullName();

    /** @return the PV's definition: type, units, limits, labels */
    PvSpec spec();

    /** @return the current value with its timestamp and alarm */
    PvValue value();

    /** @return the current value: Double, Long, String, Integer or double[] */
    default Object get() {
        return value().value();
    }

    /** @return the current value as a double; text that is not a number gives NaN */
    double getDouble();

    /**
     * Sets the value from the plugin side: no writable or drive-limit check, but the value is
     * converted to the PV's type and the alarm is computed from the alarm limits.
     *
     * @param value the new value
     * @throws IllegalArgumentException if the value cannot be converted, naming the PV
     */
    void set(Object value);

    /**
     * Sets the value with an alarm severity of the plugin's choice, above the computed one.
     *
     * @param value the new value
     * @param severity the severity to raise
     */
    void set(Object value, AlarmSeverity severity);

    /**
     * A client's write: checked (writable, type, DRVL/DRVH), set, then handed to the plugin on its
     * own executor.
     *
     * @param value the value written
     * @return completes when the plugin has handled the put (for RUN: when the run ended)
     * @throws PutRejectedException if the put is refused; the value is then unchanged
     */
    CompletionStage<Void> put(Object value);

    /**
     * A new value of the external PV this input follows ({@link PvSpec#link()}): converted to the PV's type, set,
     * then handed to the plugin as a put would be. Drive limits do not apply: the value is what the other side has.
     *
     * @param value the linked PV's value
     * @return completes when the plugin has handled it
     * @throws PutRejectedException if the value does not convert to the PV's type, or the PV has no link
     */
    CompletionStage<Void> follow(Object value);

    /**
     * Tells a listener of this PV's new values from now on, the way the whiteboard tells a {@link PvListener} service
     * of every PV's: in order, on a thread of the listener's own, never on the thread that set the value (nor inside
     * its plugin's lock), so the listener may take its time; while it is busy, the newest 16 values wait for it and
     * older ones are dropped. A listener that throws is logged and keeps receiving. When the PV goes away (its plugin
     * stopped), the listener gets what waits for it and nothing more. Adding a listener that is already added changes
     * nothing.
     *
     * @param listener told of every new value from now on
     */
    void addListener(PvListener listener);

    /**
     * @param listener no longer told: values that wait for it are dropped
     */
    void removeListener(PvListener listener);
}
