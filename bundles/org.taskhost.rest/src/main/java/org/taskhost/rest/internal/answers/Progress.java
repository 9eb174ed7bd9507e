package org.taskhost.rest.internal.answers;

/**
 * A {@code progress} event of {@code /api/v1/events}: one step of an add, reload or remove.
 *
 * @param plugin the plugin
 * @param step the step
 * @param detail what it did
 */
public record Progress(String plugin, String step, String detail) {
}
