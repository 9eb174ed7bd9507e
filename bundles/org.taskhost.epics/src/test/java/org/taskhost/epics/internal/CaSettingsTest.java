package org.taskhost.epics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class CaSettingsTest {

    /** The configuration as Declarative Services gives it: each value converted to its attribute's type when read. */
    static CaServerConfig config(Map<String, ?> values) {
        return Converters.standardConverter().convert(values).to(CaServerConfig.class);
    }

    @Test
    void theSettingsAreTypedAndGivenToCajUnderItsNames() throws Exception {
        CaSettings s = CaSettings.resolve(config(Map.of("serverPort", "15064", "beaconAddrList", "127.0.0.1",
                "autoBeaconAddrList", "NO", "beaconPort", 15065)));
        assertThat(s).isEqualTo(new CaSettings(15064, "127.0.0.1", false, 15065, "", 16384));
        assertThat(s.toCaj().getAttribute("server_port")).isEqualTo("15064");
        assertThat(s.toCaj().getAttribute("auto_beacon_addr_list")).isEqualTo("false");
    }

    @Test
    void theDefaults() {
        assertThat(CaSettings.resolve(config(Map.of()))).isEqualTo(new CaSettings(5064, "", true, 5065, "", 16384));
        assertThat(CaSettings.resolve(config(Map.of("autoBeaconAddrList", "true"))).autoBeaconAddrList()).as("as the file had it").isTrue();
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> CaSettings.resolve(config(Map.of("serverPort", "70000"))))
                .hasMessage("EPICS_CAS_SERVER_PORT: expected a whole number from 1 to 65535, got '70000'");
        assertThatThrownBy(() -> CaSettings.resolve(config(Map.of("serverPort", "50x"))))
                .hasMessage("EPICS_CAS_SERVER_PORT: expected a whole number from 1 to 65535, got '50x'");
        assertThatThrownBy(() -> CaSettings.resolve(config(Map.of("autoBeaconAddrList", "maybe"))))
                .hasMessage("EPICS_CAS_AUTO_BEACON_ADDR_LIST: expected YES or NO, got 'MAYBE'");
        assertThatThrownBy(() -> CaSettings.resolve(config(Map.of("maxArrayBytes", "8"))))
                .hasMessage("EPICS_CA_MAX_ARRAY_BYTES: expected a whole number from 16 to 2147483647, got '8'");
    }

    @Test
    void theLinksClientHasItsOwnSettings() {
        CaClientSettings c = CaClientSettings.resolve(config(Map.of("clientAddrList", "127.0.0.1", "clientAutoAddrList", "NO",
                "clientServerPort", "15064")));
        assertThat(c).isEqualTo(new CaClientSettings("127.0.0.1", false, 15064, 5065));
        assertThatThrownBy(() -> CaClientSettings.resolve(config(Map.of("clientRepeaterPort", "x"))))
                .hasMessage("EPICS_CA_REPEATER_PORT: expected a whole number from 1 to 65535, got 'x'");
    }
}
