package org.taskhost.driver.bacnet.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A device's BACnet/IP address as configured: {@code host[:port]}, the port 47808 when left out. */
final class DeviceAddress {
    static final int BACNET_PORT = 47808;

    private DeviceAddress() {
    }

    static InetSocketAddress parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty: give host[:port], e.g. 192.168.1.20 or 127.0.0.1:47901");
        }
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? s : s.substring(0, colon);
        int port = BACNET_PORT;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port '" + s.substring(colon + 1) + "' of '" + s + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " of '" + s + "' is out of range 1..65535");
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("host '" + host + "' of '" + s + "' is not a host name or IPv4 address");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("host '" + host + "' cannot be resolved");
        }
        return address;
    }

    static List<InetSocketAddress> parseList(String text) {
        List<InetSocketAddress> list = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                list.add(parse(part));
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no address in '" + text + "'");
        }
        return list;
    }

    static String format(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
