package org.taskhost.driver.bacnet.internal;

import java.net.InetSocketAddress;

/** A device that answered Who-Is. */
public record IAm(int instance, InetSocketAddress address, int vendorId, int maxApdu, String segmentation) {
}
