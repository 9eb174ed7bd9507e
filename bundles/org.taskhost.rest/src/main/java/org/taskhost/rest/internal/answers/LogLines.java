package org.taskhost.rest.internal.answers;

import java.util.List;

/**
 * @param name the plugin
 * @param lines its recent log lines, oldest first
 */
public record LogLines(String name, List<String> lines) {
}
