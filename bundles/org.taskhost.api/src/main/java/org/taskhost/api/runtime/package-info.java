/**
 * What views (EPICS, MQTT, REST, shell, web) track: each running plugin is a {@link org.taskhost.api.runtime.ManagedPlugin}
 * service, all PVs are in the {@link org.taskhost.api.runtime.PvRegistry}, and {@link org.taskhost.api.runtime.PluginListener}
 * services hear every state change.
 */
@Export
@Version("1.0.0")
package org.taskhost.api.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
