/**
 * {@link org.taskhost.api.handoff.Handoff}: the one bounded hand-off that every boundary between a producer and a
 * consumer in taskhost goes through (plugin events and PV values to views, messages and point changes to a plugin,
 * point changes to listeners, events to streams), so that a slow or stuck consumer harms only itself.
 */
@Export
@Version("1.0.0")
package org.taskhost.api.handoff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
