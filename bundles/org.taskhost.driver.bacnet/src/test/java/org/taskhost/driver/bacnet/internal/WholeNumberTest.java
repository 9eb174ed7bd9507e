package org.taskhost.driver.bacnet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WholeNumberTest {

    @Test
    void readsANumberWithinItsRange() {
        assertThat(WholeNumber.parse(" 16 ", 1, 200, "whole number")).isEqualTo(16);
    }

    @Test
    void namesTheFieldAndWhatIsWrong() {
        assertThatThrownBy(() -> WholeNumber.parse("low", "ten", 0, ObjectId.MAX_INSTANCE, "device instance number"))
                .hasMessage("low: 'ten' is not a device instance number");
        assertThatThrownBy(() -> WholeNumber.parse("options.max_per_request", "0", 1, 200, "whole number"))
                .hasMessage("options.max_per_request: 0 is out of range 1..200");
    }

    @Test
    void aWrongPortIsNamedByItsVariable() {
        assertThatThrownBy(() -> BacnetDriver.bindAddress(config(Map.of("local_port", "eighty"))))
                .hasMessage("TASKHOST_BACNET_PORT: expected a port number, got 'eighty'");
        assertThatThrownBy(() -> BacnetDriver.bindAddress(config(Map.of("local_port", 70000))))
                .hasMessage("TASKHOST_BACNET_PORT: 70000 is out of range 0..65535");
        assertThat(BacnetDriver.bindAddress(config(Map.of("local_port", "47809", "bind_address", " 127.0.0.1 "))))
                .isEqualTo(new java.net.InetSocketAddress("127.0.0.1", 47809));
    }

    /** The configuration as Declarative Services gives it: each value converted to its attribute's type when read. */
    static BacnetConfig config(Map<String, ?> values) {
        return org.osgi.util.converter.Converters.standardConverter().convert(values).to(BacnetConfig.class);
    }
}
