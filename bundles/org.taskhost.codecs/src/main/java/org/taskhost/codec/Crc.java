package org.taskhost.codec;

import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A CRC variant from the catalogue of parametrised CRC algorithms (width, polynomial, initial value, reflection, final
 * xor), named as the catalogue names it, e.g. {@code CRC-16/MODBUS}. CRC-32 and CRC-32C use {@link CRC32} and
 * {@link CRC32C}.
 */
public final class Crc {

    private static final List<Crc> VARIANTS = List.of(
            new Crc("CRC-8/SMBUS", 8, 0x07, 0x00, false, 0x00),
            new Crc("CRC-8/MAXIM-DOW", 8, 0x31, 0x00, true, 0x00),
            new Crc("CRC-8/AUTOSAR", 8, 0x2F, 0xFF, false, 0xFF),
            new Crc("CRC-16/MODBUS", 16, 0x8005, 0xFFFF, true, 0x0000),
            new Crc("CRC-16/ARC", 16, 0x8005, 0x0000, true, 0x0000),
            new Crc("CRC-16/CCITT-FALSE", 16, 0x1021, 0xFFFF, false, 0x0000),
            new Crc("CRC-16/XMODEM", 16, 0x1021, 0x0000, false, 0x0000),
            new Crc("CRC-16/KERMIT", 16, 0x1021, 0x0000, true, 0x0000),
            new Crc("CRC-32", 32, 0x04C11DB7L, 0xFFFFFFFFL, true, 0xFFFFFFFFL),
            new Crc("CRC-32C", 32, 0x1EDC6F41L, 0xFFFFFFFFL, true, 0xFFFFFFFFL));

    private final String name;
    private final int width;
    private final long poly;
    private final long init;
    private final boolean reflected;
    private final long xorOut;

    private Crc(String name, int width, long poly, long init, boolean reflected, long xorOut) {
        this.name = name;
        this.width = width;
        this.poly = poly;
        this.init = init;
        this.reflected = reflected;
        this.xorOut = xorOut;
    }

    /** @return the variant named {@code name} (case-insensitive; {@code CRC-32/ISO-HDLC}, {@code CRC-16/IBM-3740} too) */
    public static Crc named(String name) {
        String wanted = switch (name.toUpperCase(Locale.ROOT)) {
            case "CRC-32/ISO-HDLC", "CRC-32/IEEE", "CRC32" -> "CRC-32";
            case "CRC-16/IBM-3740" -> "CRC-16/CCITT-FALSE";
            default -> name.toUpperCase(Locale.ROOT);
        };
        return VARIANTS.stream().filter(c -> c.name.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CRC '" + name + "', known: " + names()));
    }

    public static List<String> names() {
        return VARIANTS.stream().map(c -> c.name).toList();
    }

    public String name() {
        return name;
    }

    /** @return the CRC's size in bytes */
    public int bytes() {
        return width / 8;
    }

    public long compute(byte[] data, int offset, int length) {
        if (width == 32 && reflected && poly == 0x04C11DB7L) {
            CRC32 crc = new CRC32();
            crc.update(data, offset, length);
            return crc.getValue();
        }
        if (width == 32 && reflected && poly == 0x1EDC6F41L) {
            CRC32C crc = new CRC32C();
            crc.update(data, offset, length);
            return crc.getValue();
        }
        long mask = width == 64 ? -1L : (1L << width) - 1;
        long crc = init;
        if (reflected) {
            long rpoly = Long.reverse(poly) >>> (64 - width);
            crc = Long.reverse(crc) >>> (64 - width);
            for (int i = offset; i < offset + length; i++) {
                crc ^= data[i] & 0xFF;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 1) != 0 ? (crc >>> 1) ^ rpoly : crc >>> 1;
                }
            }
        } else {
            long top = 1L << (width - 1);
            for (int i = offset; i < offset + length; i++) {
                crc ^= (long) (data[i] & 0xFF) << (width - 8);
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & top) != 0 ? ((crc << 1) ^ poly) & mask : (crc << 1) & mask;
                }
            }
        }
        return (crc ^ xorOut) & mask;
    }

    public long compute(byte[] data) {
        return compute(data, 0, data.length);
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Crc c && c.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
