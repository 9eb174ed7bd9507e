package org.taskhost.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CrcTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    /** The catalogue's check value of each variant: its CRC of "123456789". */
    @ParameterizedTest
    @CsvSource({
        "CRC-8/SMBUS, f4", "CRC-8/MAXIM-DOW, a1", "CRC-8/AUTOSAR, df",
        "CRC-16/MODBUS, 4b37", "CRC-16/ARC, bb3d", "CRC-16/CCITT-FALSE, 29b1", "CRC-16/IBM-3740, 29b1",
        "CRC-16/XMODEM, 31c3", "CRC-16/KERMIT, 2189",
        "CRC-32, cbf43926", "CRC-32/ISO-HDLC, cbf43926", "crc-32c, e3069283"})
    void checkValue(String name, String check) {
        assertThat(Long.toHexString(Crc.named(name).compute(CHECK))).isEqualTo(check);
    }

    @Test
    void unknownVariantIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Crc.named("CRC-16/NOPE")).hasMessageContaining("CRC-16/NOPE")
                .hasMessageContaining("CRC-16/MODBUS");
    }
}
