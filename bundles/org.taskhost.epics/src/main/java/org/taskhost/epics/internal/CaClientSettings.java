package org.taskhost.epics.internal;

import java.util.function.UnaryOperator;

import gov.aps.jca.configuration.DefaultConfiguration;

/**
 * How links find external PVs: the client side's usual environment, {@code EPICS_CA_ADDR_LIST},
 * {@code EPICS_CA_AUTO_ADDR_LIST}, {@code EPICS_CA_SERVER_PORT} and {@code EPICS_CA_REPEATER_PORT}, mapped onto CAJ's
 * names (CAJ reads no environment itself).
 */
record CaClientSettings(String addrList, boolean autoAddrList, int serverPort, int repeaterPort) {

    static CaClientSettings resolve(UnaryOperator<String> env) {
        String auto = text(env, "EPICS_CA_AUTO_ADDR_LIST", "YES");
        return new CaClientSettings(text(env, "EPICS_CA_ADDR_LIST", ""), !auto.equalsIgnoreCase("NO") && !auto.equals("0")
                && !auto.equalsIgnoreCase("false"), port(env, "EPICS_CA_SERVER_PORT", 5064), port(env, "EPICS_CA_REPEATER_PORT", 5065));
    }

    DefaultConfiguration toCaj() {
        DefaultConfiguration c = new DefaultConfiguration("CAJContext");
        c.setAttribute("addr_list", addrList);
        c.setAttribute("auto_addr_list", String.valueOf(autoAddrList));
        c.setAttribute("server_port", String.valueOf(serverPort));
        c.setAttribute("repeater_port", String.valueOf(repeaterPort));
        return c;
    }

    private static String text(UnaryOperator<String> env, String name, String fallback) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int port(UnaryOperator<String> env, String name, int fallback) {
        String v = text(env, name, String.valueOf(fallback));
        try {
            int p = Integer.parseInt(v);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + ": expected a port from 1 to 65535, got '" + v + "'");
    }
}
