package org.taskhost.driver.ble.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.Quality;
import org.taskhost.codec.CodecConfigException;

class PointCodecTest {
    static PointCodec codec(PointType type, Map<String, String> options) {
        return PointCodec.of(new Point("p", "2a6e", type, "", true, null, false, "", options));
    }

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    @Test
    void bleIsLittleEndianUnlessTheOptionsSayOtherwise() {
        assertThat(codec(PointType.FLOAT, Map.of("codec", "int16", "scale", "0.01")).decode(hex("6608")).value())
                .isEqualTo(21.5);
        assertThat(codec(PointType.INT, Map.of("codec", "uint16", "order", "big")).decode(hex("0102")).value())
                .isEqualTo(258L);
        assertThat(codec(PointType.FLOAT, Map.of("codec", "tlv", "tag", "1", "value.codec", "int16",
                "value.scale", "0.1")).decode(hex("0102c201")).value()).isEqualTo(45.0);
    }

    @Test
    void thePointTypeChoosesWithoutACodec() {
        assertThat(codec(PointType.FLOAT, Map.of()).decode(hex("0000ac41")).value()).isEqualTo(21.5);
        assertThat(codec(PointType.INT, Map.of()).decode(hex("feffffff")).value()).isEqualTo(-2L);
        assertThat(codec(PointType.BOOL, Map.of()).decode(hex("01")).value()).isEqualTo(true);
        assertThat(codec(PointType.STRING, Map.of()).decode("ok".getBytes()).value()).isEqualTo("ok");
        assertThat((byte[]) codec(PointType.BYTES, Map.of()).decode(hex("0a0b")).value()).isEqualTo(hex("0a0b"));
        assertThat(codec(PointType.BOOL, Map.of()).encode(true)).isEqualTo(hex("01"));
    }

    @Test
    void aBadFrameOrAValueOfTheWrongKindIsBadWithTheReason() {
        var v = codec(PointType.FLOAT, Map.of("codec", "int16")).decode(hex("01"));
        assertThat(v.quality()).isEqualTo(Quality.BAD);
        assertThat(v.reason()).isEqualTo("bad frame: short frame: int16 needs 2 bytes at byte 0, the frame has 1");
        var text = codec(PointType.INT, Map.of("codec", "utf8")).decode("abc".getBytes());
        assertThat(text.quality()).isEqualTo(Quality.BAD);
        assertThat(text.reason()).contains("not a int");
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> codec(PointType.FLOAT, Map.of("codec", "int16", "scale", "x")))
                .isInstanceOfSatisfying(CodecConfigException.class, e -> assertThat(e.field()).isEqualTo("scale"));
        assertThatThrownBy(() -> codec(PointType.FLOAT, Map.of("codec", "tlv", "tag", "1", "value.codec", "int3")))
                .isInstanceOfSatisfying(CodecConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("value.codec"));
        assertThatThrownBy(() -> codec(PointType.FLOAT, Map.of("codec", "int16", "codec.x", "1")))
                .isInstanceOfSatisfying(CodecConfigException.class, e -> assertThat(e.field()).isIn("codec", "codec.x"));
    }
}
