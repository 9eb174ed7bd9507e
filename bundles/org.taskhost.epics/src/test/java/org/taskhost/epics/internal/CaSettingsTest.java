package org.taskhost.epics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CaSettingsTest {

    static CaServerConfig config(int port) {
        return config(port, "*", "*");
    }

    static CaServerConfig config(int port, String writeHosts, String writeUsers) {
        return new CaServerConfig() {
            public Class<? extends Annotation> annotationType() { return CaServerConfig.class; }
            public boolean enabled() { return true; }
            public int serverPort() { return port; }
            public String beaconAddrList() { return "10.0.0.255"; }
            public boolean autoBeaconAddrList() { return true; }
            public int beaconPort() { return 5065; }
            public String ignoreAddrList() { return ""; }
            public int maxArrayBytes() { return 16384; }
            public String writeHosts() { return writeHosts; }
            public String writeUsers() { return writeUsers; }
        };
    }

    @Test
    void theEpicsEnvironmentWinsOverTheConfiguration() throws Exception {
        Map<String, String> env = Map.of("EPICS_CAS_SERVER_PORT", "15064", "EPICS_CAS_BEACON_ADDR_LIST", "127.0.0.1",
                "EPICS_CAS_AUTO_BEACON_ADDR_LIST", "NO", "EPICS_CAS_BEACON_PORT", "15065");
        CaSettings s = CaSettings.resolve(env::get, config(5064));
        assertThat(s).isEqualTo(new CaSettings(15064, "127.0.0.1", false, 15065, "", 16384));
        assertThat(s.toCaj().getAttribute("server_port")).isEqualTo("15064");
        assertThat(s.toCaj().getAttribute("auto_beacon_addr_list")).isEqualTo("false");
    }

    @Test
    void withoutEnvironmentTheConfigurationHolds() {
        assertThat(CaSettings.resolve(k -> null, config(6064))).isEqualTo(new CaSettings(6064, "10.0.0.255", true, 5065, "", 16384));
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> CaSettings.resolve(Map.of("EPICS_CAS_SERVER_PORT", "70000")::get, config(5064)))
                .hasMessage("EPICS_CAS_SERVER_PORT: expected a whole number from 1 to 65535, got '70000'");
        assertThatThrownBy(() -> CaSettings.resolve(Map.of("EPICS_CAS_AUTO_BEACON_ADDR_LIST", "maybe")::get, config(5064)))
                .hasMessage("EPICS_CAS_AUTO_BEACON_ADDR_LIST: expected YES or NO, got 'MAYBE'");
    }

    @Test
    void theLinksClientReadsTheClientVariables() {
        CaClientSettings c = CaClientSettings.resolve(Map.of("EPICS_CA_ADDR_LIST", "127.0.0.1", "EPICS_CA_AUTO_ADDR_LIST", "NO",
                "EPICS_CA_SERVER_PORT", "15064")::get);
        assertThat(c).isEqualTo(new CaClientSettings("127.0.0.1", false, 15064, 5065));
        assertThatThrownBy(() -> CaClientSettings.resolve(Map.of("EPICS_CA_REPEATER_PORT", "x")::get))
                .hasMessage("EPICS_CA_REPEATER_PORT: expected a port from 1 to 65535, got 'x'");
    }
}
