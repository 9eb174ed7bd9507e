/**
 * The plugin author's API: extend {@link org.taskhost.api.TaskBase} for a task that runs
 * continuously, on a trigger or on input, or {@link org.taskhost.api.JobBase} for a job that
 * runs on request and returns a {@link org.taskhost.api.JobResult}.
 */
@Export
@Version("1.1.0")
package org.taskhost.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
