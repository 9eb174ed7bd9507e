package org.taskhost.mqtt.internal.payloads;

/**
 * The reply to a command, on its {@code reply_to} topic.
 *
 * @param id the command's id, as sent
 * @param ok whether it was done
 * @param command the command
 * @param plugin the plugin
 * @param message what happened
 * @param result what it gave: {@link PutResult}, {@link StateResult} or {@link RunResult}; null if nothing
 */
public record CommandReply(Object id, boolean ok, String command, String plugin, String message, Object result) {
}
