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
    void aWrongPortInTheEnvironmentIsNamed() {
        assertThatThrownBy(() -> BacnetDriver.bindAddress(BacnetDriverIT.config(47808), Map.of("TASKHOST_BACNET_PORT", "eighty")))
                .hasMessage("TASKHOST_BACNET_PORT: 'eighty' is not a port number");
        assertThatThrownBy(() -> BacnetDriver.bindAddress(BacnetDriverIT.config(47808), Map.of("TASKHOST_BACNET_PORT", "70000")))
                .hasMessage("local_port: 70000 is out of range 0..65535");
    }
}
