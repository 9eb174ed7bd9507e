package org.taskhost.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecsTest {

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static PayloadCodec codec(Map<String, ?> config) {
        return Codecs.fromConfig(config);
    }

    @ParameterizedTest(name = "{0} {1} {2} = {3}")
    @CsvSource({
        "uint8, big, ff, 255", "int8, big, ff, -1", "int8, little, 80, -128",
        "uint16, big, 1234, 4660", "uint16, little, 3412, 4660", "int16, little, feff, -2", "int16, big, 8000, -32768",
        "uint24, big, 010000, 65536", "int24, little, ffffff, -1",
        "uint32, big, ffffffff, 4294967295", "int32, little, 00000080, -2147483648",
        "int48, big, ffffffffffff, -1", "int64, big, 8000000000000000, -9223372036854775808",
        "uint64, big, ffffffffffffffff, 18446744073709551615", "uint64, little, 0100000000000000, 1"})
    void integersDecodeAndEncodeBack(String name, String order, String bytes, String value) throws Exception {
        PayloadCodec codec = codec(Map.of("codec", name, "order", order));
        assertThat(codec.decode(hex(bytes)).toString()).isEqualTo(value);
        assertThat(codec.encode(value)).isEqualTo(hex(bytes));
        if (name.equals("uint64")) {
            assertThat(codec.decode(hex(bytes))).isInstanceOf(BigInteger.class);
        } else {
            assertThat(codec.decode(hex(bytes))).isInstanceOf(Long.class);
        }
    }

    @Test
    void integersRefuseValuesThatDoNotFit() {
        assertThatThrownBy(() -> codec(Map.of("codec", "uint8")).encode(256)).hasMessageContaining("does not fit uint8");
        assertThatThrownBy(() -> codec(Map.of("codec", "int16")).encode(1.5)).hasMessageContaining("needs an integer");
        assertThatThrownBy(() -> codec(Map.of("codec", "int16")).encode("warm")).hasMessageContaining("needs a number");
    }

    @Test
    void floatsInEitherOrder() throws Exception {
        assertThat(codec(Map.of("codec", "float32")).decode(hex("41ac0000"))).isEqualTo(21.5);
        assertThat(codec(Map.of("codec", "float32", "order", "little")).decode(hex("0000ac41"))).isEqualTo(21.5);
        assertThat(codec(Map.of("codec", "float32", "order", "little")).encode(21.5)).isEqualTo(hex("0000ac41"));
        PayloadCodec f64 = codec(Map.of("codec", "float64", "order", "little"));
        assertThat(f64.decode(f64.encode(-0.1))).isEqualTo(-0.1);
        assertThat(codec(Map.of("codec", "float64")).encode(1.0)).isEqualTo(hex("3ff0000000000000"));
    }

    @Test
    void scaledFixedPoint() throws Exception {
        PayloadCodec codec = codec(Map.of("codec", "int16", "order", "little", "scale", 0.01, "offset", 0));
        assertThat(codec.decode(hex("6608"))).isEqualTo(21.5);
        assertThat(codec.encode(21.5)).isEqualTo(hex("6608"));
        PayloadCodec kelvin = codec(Map.of("codec", "uint16", "scale", "0.1", "offset", "-273.15"));
        assertThat((double) kelvin.decode(hex("0b99"))).isEqualTo(23.75);
        assertThat(kelvin.encode(23.75)).isEqualTo(hex("0b99"));
        assertThatThrownBy(() -> codec(Map.of("codec", "uint8", "scale", 0.5)).encode(200))
                .hasMessageContaining("does not fit uint8");
    }

    @Test
    void hexAndUtf8() throws Exception {
        PayloadCodec raw = codec(Map.of("codec", "hex"));
        assertThat(raw.decode(hex("0a1bff"))).isEqualTo("0a1bff");
        assertThat(raw.encode("0A:1B:FF")).isEqualTo(hex("0a1bff"));
        assertThat(codec(Map.of("codec", "hex", "length", 2)).decode(hex("0a1bff"))).isEqualTo("0a1b");
        PayloadCodec text = codec(Map.of("codec", "utf8"));
        assertThat(text.decode("Grüezi\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("Grüezi");
        assertThat(text.encode("°C")).isEqualTo(hex("c2b043"));
        assertThatThrownBy(() -> text.decode(hex("c3"))).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> raw.encode("xyz")).hasMessageContaining("hex digits");
    }

    @Test
    void startSkipsAHeader() throws Exception {
        PayloadCodec codec = codec(Map.of("codec", "uint16", "start", 2));
        assertThat(codec.decode(hex("aaaa0102"))).isEqualTo(258L);
        assertThat(codec.encode(258)).isEqualTo(hex("00000102"));
        assertThatThrownBy(() -> codec.decode(hex("aaaa01"))).hasMessageContaining("short frame");
    }

    @Test
    void tlvPicksTheFieldByTag() throws Exception {
        PayloadCodec codec = codec(Map.of("codec", "tlv", "tag", 2,
                "value", Map.of("codec", "int16", "order", "little", "scale", 0.1)));
        byte[] frame = hex("01 01 07  02 02 d7 00  03 00");
        assertThat(codec.decode(frame)).isEqualTo(21.5);
        assertThat(codec.decode(codec.encode(-3.2))).isEqualTo(-3.2);
        assertThat(codec.encode(21.5)).isEqualTo(hex("02 02 d7 00"));
        PayloadCodec wide = codec(Map.of("codec", "tlv", "tag", 0x1001, "tag_size", 2, "length_size", 2,
                "value", Map.of("codec", "utf8")));
        assertThat(wide.decode(hex("1001 0002 6f6b"))).isEqualTo("ok");
    }

    @Test
    void lengthPrefixedPicksTheFieldByIndex() throws Exception {
        PayloadCodec codec = codec(Map.of("codec", "length_prefixed", "index", 1, "value", Map.of("codec", "utf8")));
        assertThat(codec.decode(hex("02 6869  03 616263  00"))).isEqualTo("abc");
        assertThat(codec.decode(codec.encode("xy"))).isEqualTo("xy");
        PayloadCodec wide = codec(Map.of("codec", "length_prefixed", "index", 0, "length_size", 2, "order", "little",
                "value", Map.of("codec", "uint32", "order", "little")));
        assertThat(wide.decode(hex("0400 0a000000"))).isEqualTo(10L);
    }

    @Test
    void crcIsCheckedBeforeDecodingAndAppendedWhenEncoding() throws Exception {
        // a Modbus register reply: address 1, function 3, 2 bytes, 0x0866; CRC-16/MODBUS sent low byte first
        PayloadCodec codec = codec(Map.of("codec", "uint16", "start", 3, "crc", "CRC-16/MODBUS", "crc_order", "little"));
        byte[] frame = hex("010302 0866");
        byte[] withCrc = java.util.Arrays.copyOf(frame, 7);
        long crc = Crc.named("CRC-16/MODBUS").compute(frame);
        withCrc[5] = (byte) crc;
        withCrc[6] = (byte) (crc >> 8);
        assertThat(codec.decode(withCrc)).isEqualTo(0x866L);
        PayloadCodec c8 = codec(Map.of("codec", "uint8", "crc", "CRC-8/SMBUS"));
        assertThat(c8.encode(0x31)).isEqualTo(new byte[] {0x31, (byte) Crc.named("CRC-8/SMBUS").compute(hex("31"))});
        assertThat(c8.decode(c8.encode(0x31))).isEqualTo(0x31L);
        PayloadCodec c32 = codec(Map.of("codec", "utf8", "crc", "CRC-32", "crc_order", "little"));
        assertThat(c32.decode(c32.encode("123456789"))).isEqualTo("123456789");
        assertThat(c32.encode("123456789")).endsWith(hex("2639f4cb"));
        PayloadCodec ccitt = codec(Map.of("codec", "hex", "crc", "CRC-16/CCITT-FALSE"));
        assertThat(ccitt.encode("313233343536373839")).endsWith(hex("29b1"));
    }

    @Test
    void describeNamesWhatTheConfigurationSays() {
        assertThat(codec(Map.of("codec", "int16", "order", "little", "scale", 0.01)).describe())
                .isEqualTo("int16 little scale=0.01 offset=0.0");
    }
}
