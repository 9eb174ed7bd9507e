/**
 * Messages on a broker for plugins and views: publish, and subscribe with topic filters. The MQTT bundle provides
 * {@link org.taskhost.api.messaging.Messaging} as a service when a broker is configured; a plugin gets its own view
 * of it from {@link org.taskhost.api.PluginContext#messaging()}, so it never needs an MQTT client library itself.
 */
@Export
@Version("1.0.0")
package org.taskhost.api.messaging;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
