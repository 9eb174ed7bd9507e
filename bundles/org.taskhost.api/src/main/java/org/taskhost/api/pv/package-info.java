/**
 * Process variables: a plugin's named values, served to EPICS, MQTT, REST and the shell.
 * <p>
 * 1.2: a {@link org.taskhost.api.pv.PvListener} added to one PV is told on a thread of its own, like the whiteboard's,
 * no longer on the thread that set the value.
 */
@Export
@Version("1.2.0")
package org.taskhost.api.pv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
