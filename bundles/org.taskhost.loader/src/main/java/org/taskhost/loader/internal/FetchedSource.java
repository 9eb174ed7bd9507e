package org.taskhost.loader.internal;

import java.nio.file.Path;

/**
 * A plugin source on disk, ready to build.
 *
 * @param root the repository or local folder
 * @param dir the plugin's folder inside it (the request's path)
 * @param commit the commit SHA, or a content hash of a local folder
 */
record FetchedSource(Path root, Path dir, String commit) {
}
