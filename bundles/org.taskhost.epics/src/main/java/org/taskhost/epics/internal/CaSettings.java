package org.taskhost.epics.internal;

import java.util.Locale;
import java.util.function.Supplier;

import org.taskhost.api.settings.Setting;

import gov.aps.jca.configuration.DefaultConfiguration;

/**
 * The server's settings from the configuration, refused by the EPICS variable's name when wrong. CAJ reads no
 * environment itself, only its own property names, so etc/org.taskhost.epics.cfg maps the usual {@code EPICS_CAS_*}
 * names into the configuration and they are given to CAJ here.
 */
record CaSettings(int serverPort, String beaconAddrList, boolean autoBeaconAddrList, int beaconPort, String ignoreAddrList,
        int maxArrayBytes) {

    static CaSettings resolve(CaServerConfig config) {
        return new CaSettings(
                port("EPICS_CAS_SERVER_PORT", config::serverPort),
                Setting.text("EPICS_CAS_BEACON_ADDR_LIST", config.beaconAddrList()),
                yes("EPICS_CAS_AUTO_BEACON_ADDR_LIST", config.autoBeaconAddrList()),
                port("EPICS_CAS_BEACON_PORT", config::beaconPort),
                Setting.text("EPICS_CAS_IGNORE_ADDR_LIST", config.ignoreAddrList()),
                number("EPICS_CA_MAX_ARRAY_BYTES", config::maxArrayBytes, 16, Integer.MAX_VALUE));
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

    static int port(String name, Supplier<Integer> attribute) {
        return number(name, attribute, 1, 65535);
    }

    private static int number(String name, Supplier<Integer> attribute, int low, int high) {
        String expected = "a whole number from " + low + " to " + high;
        int n = Setting.typed(name, expected, attribute);
        if (n < low || n > high) {
            throw new IllegalArgumentException(name + ": expected " + expected + ", got '" + n + "'");
        }
        return n;
    }

    /** EPICS's YES and NO, and true, false, 1 and 0 as the configuration's boolean used to be written. */
    static boolean yes(String name, String value) {
        String v = Setting.text(name, value).toUpperCase(Locale.ROOT);
        return switch (v) {
            case "YES", "TRUE", "1" -> true;
            case "NO", "FALSE", "0" -> false;
            default -> throw new IllegalArgumentException(name + ": expected YES or NO, got '" + v + "'");
        };
    }
}
