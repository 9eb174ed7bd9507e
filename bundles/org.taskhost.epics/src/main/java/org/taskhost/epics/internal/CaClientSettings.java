package org.taskhost.epics.internal;

import org.taskhost.api.settings.Setting;

import gov.aps.jca.configuration.DefaultConfiguration;

/**
 * How links find external PVs: the client side's usual settings, which etc/org.taskhost.epics.cfg maps from
 * {@code EPICS_CA_ADDR_LIST}, {@code EPICS_CA_AUTO_ADDR_LIST}, {@code EPICS_CA_SERVER_PORT} and
 * {@code EPICS_CA_REPEATER_PORT}, given to CAJ under its own names (CAJ reads no environment itself).
 */
record CaClientSettings(String addrList, boolean autoAddrList, int serverPort, int repeaterPort) {

    static CaClientSettings resolve(CaServerConfig config) {
        return new CaClientSettings(Setting.text("EPICS_CA_ADDR_LIST", config.clientAddrList()),
                CaSettings.yes("EPICS_CA_AUTO_ADDR_LIST", config.clientAutoAddrList()),
                CaSettings.port("EPICS_CA_SERVER_PORT", config::clientServerPort),
                CaSettings.port("EPICS_CA_REPEATER_PORT", config::clientRepeaterPort));
    }

    DefaultConfiguration toCaj() {
        DefaultConfiguration c = new DefaultConfiguration("CAJContext");
        c.setAttribute("addr_list", addrList);
        c.setAttribute("auto_addr_list", String.valueOf(autoAddrList));
        c.setAttribute("server_port", String.valueOf(serverPort));
        c.setAttribute("repeater_port", String.valueOf(repeaterPort));
        return c;
    }
}
