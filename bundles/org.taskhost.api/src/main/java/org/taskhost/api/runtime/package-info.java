/**
 * The model every view (EPICS, MQTT, REST, shell, web) goes through: the {@link org.taskhost.api.runtime.PluginRuntime}
 * service knows every plugin (running, failed or stopped) with its typed {@link org.taskhost.api.runtime.PluginPhase}
 * and starts and stops them; each created plugin is a {@link org.taskhost.api.runtime.ManagedPlugin} service with its
 * operations; all PVs are in the {@link org.taskhost.api.runtime.PvRegistry}.
 * <p>
 * Views listen through the whiteboard: register a {@link org.taskhost.api.runtime.PluginListener},
 * {@link org.taskhost.api.runtime.PvRegistryListener} or {@link org.taskhost.api.pv.PvListener} service and the
 * runtime tells it of every plugin event, PV added or removed, and PV value. Each listener service gets its events in
 * order on its own thread, never inside a plugin's lock; values of a PV that arrive faster than it takes them are
 * coalesced to the newest; a listener that throws is logged and keeps receiving.
 * <p>
 * 2.0: the whiteboard is the only way to listen; {@code PvRegistry.addListener} and {@code removeListener}, deprecated
 * in 1.x, are gone.
 */
@Export
@Version("2.0.0")
package org.taskhost.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
