/**
 * The plugin configuration (config.yaml) model and its parser service, shared by the loader (checks before install),
 * the runtime (runs plugins from it) and the views (startup information, parameter checks).
 */
@Export
@Version("1.1.0")
package org.taskhost.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
