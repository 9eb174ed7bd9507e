/**
 * {@link org.taskhost.json.TaskhostJson}: the one Jackson configuration with which taskhost writes JSON (the REST
 * answers, the device answers and events, the MQTT payloads). A package of its own in a bundle of its own, not in
 * {@code org.taskhost.api}: plugin authors compile against the API and should not get Jackson with it.
 */
@Export
@Version("1.0.0")
package org.taskhost.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
