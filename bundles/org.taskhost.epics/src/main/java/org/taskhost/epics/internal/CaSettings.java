package org.taskhost.epics.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;

import gov.aps.jca.configuration.DefaultConfiguration;

/**
 * The server's settings from the EPICS environment variables and the configuration. CAJ reads no environment itself,
 * only its own property names, so the usual {@code EPICS_CAS_*} names are mapped here.
 */
record CaSettings(int serverPort, String beaconAddrList, boolean autoBeaconAddrList, int beaconPort, String ignoreAddrList,
        int maxArrayBytes) {

    static CaSettings resolve(UnaryOperator<String> env, CaServerConfig config) {
        return new CaSettings(
                port(env, "EPICS_CAS_SERVER_PORT", config.serverPort()),
                text(env, "EPICS_CAS_BEACON_ADDR_LIST", config.beaconAddrList()),
                yes(env, "EPICS_CAS_AUTO_BEACON_ADDR_LIST", config.autoBeaconAddrList()),
                port(env, "EPICS_CAS_BEACON_PORT", config.beaconPort()),
                text(env, "EPICS_CAS_IGNORE_ADDR_LIST", config.ignoreAddrList()),
                number(env, "EPICS_CA_MAX_ARRAY_BYTES", config.maxArrayBytes(), 16, Integer.MAX_VALUE));
    }

    /** @return these settings under CAJ's own names, for {@code CAJServerContext.configure} */
    DefaultConfiguration toCaj() {
        DefaultConfiguration c = new DefaultConfiguration("CAJServerContext");
        c.setAttribute("server_port", String.valueOf(serverPort));
        c.setAttribute("beacon_addr_list", beaconAddrList);
        c.setAttribute("auto_beacon_addr_list", String.valueOf(autoBeaconAddrList));
        c.setAttribute("beacon_port", String.valueOf(beaconPort));
        c.setAttribute("ignore_addr_list", ignoreAddrList);
        c.setAttribute("max_array_bytes", String.valueOf(maxArrayBytes));
        return c;
    }

    private static String text(UnaryOperator<String> env, String name, String fallback) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? fallback.trim() : v.trim();
    }

    private static int port(UnaryOperator<String> env, String name, int fallback) {
        return number(env, name, fallback, 1, 65535);
    }

    private static int number(UnaryOperator<String> env, String name, int fallback, int low, int high) {
        String v = text(env, name, String.valueOf(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n >= low && n <= high) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a whole number from " + low + " to " + high + ", got '" + v + "'");
    }

    private static boolean yes(UnaryOperator<String> env, String name, boolean fallback) {
        String v = text(env, name, fallback ? "YES" : "NO").toUpperCase(Locale.ROOT);
        return switch (v) {
            case "YES", "TRUE", "1" -> true;
            case "NO", "FALSE", "0" -> false;
            default -> throw new IllegalArgumentException(name + ": expected YES or NO, got '" + v + "'");
        };
    }
}
