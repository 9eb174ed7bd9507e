/**
 * Adding, reloading and removing plugins from their sources (git, a local folder): what the REST API and the
 * shell call. A source is compiled, packaged as a bundle, validated, installed and remembered across restarts.
 */
@Export
@Version("2.0.0")
package org.taskhost.api.loader;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
