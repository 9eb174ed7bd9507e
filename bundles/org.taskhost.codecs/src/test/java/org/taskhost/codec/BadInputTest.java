package org.taskhost.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taskhost.codec.CodecsTest.hex;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad frames are errors with a reason, never a wrong value; bad configurations are refused naming the field. */
class BadInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"uint8", "int16", "uint24", "int32", "uint64", "float32", "float64"})
    void aShortFrameIsAnError(String name) {
        assertThatThrownBy(() -> Codecs.fromConfig(Map.of("codec", name)).decode(new byte[0]))
                .isInstanceOf(BadFrameException.class).hasMessageStartingWith("short frame: " + name + " needs");
    }

    @Test
    void aWrongCrcIsAnErrorNamingBothValues() {
        PayloadCodec codec = Codecs.fromConfig(Map.of("codec", "uint16", "crc", "CRC-16/MODBUS"));
        byte[] frame = codec.encode(1234);
        frame[0] ^= 0x01;
        assertThatThrownBy(() -> codec.decode(frame)).isInstanceOf(BadFrameException.class)
                .hasMessageStartingWith("wrong CRC: CRC-16/MODBUS of the frame is 0x");
        assertThatThrownBy(() -> codec.decode(hex("01"))).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("cannot hold a CRC-16/MODBUS");
    }

    @Test
    void anUnknownTagIsAnErrorListingTheTagsPresent() {
        PayloadCodec codec = Codecs.fromConfig(Map.of("codec", "tlv", "tag", 9, "value", Map.of("codec", "uint8")));
        assertThatThrownBy(() -> codec.decode(hex("01 01 07 02 01 08"))).isInstanceOf(BadFrameException.class)
                .hasMessage("unknown tag: no field with tag 9 in the frame (tags: 1, 2)");
    }

    @Test
    void truncatedFramesAreErrors() {
        PayloadCodec tlv = Codecs.fromConfig(Map.of("codec", "tlv", "tag", 1, "value", Map.of("codec", "uint16")));
        assertThatThrownBy(() -> tlv.decode(hex("01 05 0001"))).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("short frame: TLV field with tag 1 needs 5 bytes");
        assertThatThrownBy(() -> tlv.decode(hex("01 01 00"))).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("short frame: uint16 needs 2 bytes");
        PayloadCodec lp = Codecs.fromConfig(Map.of("codec", "length_prefixed", "index", 2, "value",
                Map.of("codec", "utf8")));
        assertThatThrownBy(() -> lp.decode(hex("01 61 01 62"))).isInstanceOf(BadFrameException.class)
                .hasMessage("no field 2 in the frame (it ends after 2 fields)");
        assertThatThrownBy(() -> lp.decode(hex("01 61 09 62"))).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("field 1 says 9 bytes");
    }

    @Test
    void badConfigurationsAreRefusedNamingTheField() {
        assertRefused(Map.of("order", "big"), "codec", "required");
        assertRefused(Map.of("codec", "int12"), "codec", "unknown codec 'int12'");
        assertRefused(Map.of("codec", "int128"), "codec", "unknown codec");
        assertRefused(Map.of("codec", "int16", "order", "middle"), "order", "must be big or little");
        assertRefused(Map.of("codec", "int16", "scale", "ten"), "scale", "must be a number");
        assertRefused(Map.of("codec", "int16", "scale", 0), "scale", "must not be 0");
        assertRefused(Map.of("codec", "int16", "scal", 0.1), "scal", "unknown field");
        assertRefused(Map.of("codec", "utf8", "scale", 0.1), "scale", "does not apply to codec 'utf8'");
        assertRefused(Map.of("codec", "int16", "crc", "CRC-99"), "crc", "unknown CRC 'CRC-99'");
        assertRefused(Map.of("codec", "int16", "start", -1), "start", "between 0 and");
        assertRefused(Map.of("codec", "tlv", "value", Map.of("codec", "uint8")), "tag", "required");
        assertRefused(Map.of("codec", "tlv", "tag", 1), "value", "required");
        assertRefused(Map.of("codec", "tlv", "tag", 1, "value", "uint8"), "value", "must be a map");
        assertRefused(Map.of("codec", "tlv", "tag", 1, "value", Map.of("codec", "uint8", "order", "up")),
                "value.order", "must be big or little");
        assertRefused(Map.of("codec", "length_prefixed", "index", 0, "length_size", 3, "value",
                Map.of("codec", "uint8")), "length_size", "must be 1, 2 or 4");
        Map<String, Object> nullCodec = new LinkedHashMap<>();
        nullCodec.put("codec", null);
        assertRefused(nullCodec, "codec", "required");
    }

    private static void assertRefused(Map<String, ?> config, String field, String problem) {
        assertThatThrownBy(() -> Codecs.fromConfig(config)).isInstanceOfSatisfying(CodecConfigException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessageContaining(problem);
    }
}
