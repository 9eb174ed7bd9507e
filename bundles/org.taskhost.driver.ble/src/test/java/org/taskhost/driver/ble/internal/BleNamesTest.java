package org.taskhost.driver.ble.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BleNamesTest {
    @Test
    void uuidsAreNormalizedAndShortOnesPutOnTheBaseUuid() {
        assertThat(BleNames.uuid("2A6E")).isEqualTo("00002a6e-0000-1000-8000-00805f9b34fb");
        assertThat(BleNames.uuid("0x2a6e")).isEqualTo("00002a6e-0000-1000-8000-00805f9b34fb");
        assertThat(BleNames.uuid("12345678")).isEqualTo("12345678-0000-1000-8000-00805f9b34fb");
        assertThat(BleNames.uuid(" 12345678-1234-5678-1234-56789ABCDEF1 "))
                .isEqualTo("12345678-1234-5678-1234-56789abcdef1");
        for (String bad : new String[] {"", "2a6", "2a6e-x", "12345678-1234-5678-1234-56789abcdef", "temperature"}) {
            assertThatThrownBy(() -> BleNames.uuid(bad)).hasMessageContaining("not a UUID");
        }
    }

    @Test
    void addressesAndDevicePaths() {
        assertThat(BleNames.isAddress("C0:FF:ee:00:00:01")).isTrue();
        assertThat(BleNames.isAddress("C0:FF:EE:00:00")).isFalse();
        assertThat(BleNames.isAddress("C0-FF-EE-00-00-01")).isFalse();
        assertThat(BleNames.isNamePattern("name:sensor-*")).isTrue();
        assertThat(BleNames.isNamePattern("name:")).isFalse();
        assertThat(BleNames.namePattern("name:sensor-?.*").matcher("sensor-1.kitchen").matches()).isTrue();
        assertThat(BleNames.namePattern("name:sensor-?.*").matcher("sensor-12.kitchen").matches()).isFalse();
        assertThat(BleNames.namePattern("name:a+b").matcher("a+b").matches()).isTrue();
        assertThat(BleNames.devicePath("/org/bluez/hci0", "c0:ff:ee:00:00:01"))
                .isEqualTo("/org/bluez/hci0/dev_C0_FF_EE_00_00_01");
    }
}
