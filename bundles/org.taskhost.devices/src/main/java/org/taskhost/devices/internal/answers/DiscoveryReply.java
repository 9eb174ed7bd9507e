package org.taskhost.devices.internal.answers;

import java.util.List;

/**
 * @param ok true
 * @param message how many were found
 * @param devices the devices found
 */
public record DiscoveryReply(boolean ok, String message, List<FoundDevice> devices) {
}
