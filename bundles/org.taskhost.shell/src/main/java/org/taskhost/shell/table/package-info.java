/** Text output shared by the {@code taskhost:} Gogo commands of every bundle. */
@Export
@Version("1.0.0")
package org.taskhost.shell.table;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
