/**
 * Process variables: a plugin's named values, served to EPICS, MQTT, REST and the shell.
 */
@Export
@Version("1.1.0")
package org.taskhost.api.pv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
