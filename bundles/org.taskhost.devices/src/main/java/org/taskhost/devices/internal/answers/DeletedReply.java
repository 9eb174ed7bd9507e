package org.taskhost.devices.internal.answers;

/**
 * The answer to a delete.
 *
 * @param ok true
 * @param message what was deleted
 */
public record DeletedReply(boolean ok, String message) {
}
