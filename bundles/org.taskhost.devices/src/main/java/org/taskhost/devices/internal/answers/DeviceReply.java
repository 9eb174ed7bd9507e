package org.taskhost.devices.internal.answers;

/**
 * The answer to a create, update, enable or disable: the device as it is now.
 *
 * @param ok true
 * @param message what was done
 * @param device the device
 */
public record DeviceReply(boolean ok, String message, DeviceWithHealth device) {
}
