package org.taskhost.epics.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Addresses the write allow-list lets in: one address, or a CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}.
 * Literals are read strictly, by hand: {@link InetAddress#getByName} would read {@code 10.1} as 10.0.0.1 and
 * {@code 010.0.0.1} as 10.0.0.1 where C reads octal, and a typo must never let in hosts nobody meant.
 */
final class HostBlock {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[0-9.]+|.*[:/].*");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private HostBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @return the block of exactly this address, shown as {@code text} */
    static HostBlock of(InetAddress address, String text) {
        byte[] bytes = address.getAddress();
        return new HostBlock(bytes, bytes.length * 8, text);
    }

    /**
     * @return the block an address or CIDR literal stands for, or empty when the entry is no literal (a host name, maybe)
     * @throws IllegalArgumentException with the problem, when the entry is meant as a literal but is not a right one
     */
    static Optional<HostBlock> parse(String entry) {
        if (!LOOKS_NUMERIC.matcher(entry).matches()) {
            return Optional.empty();
        }
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (slash < 0) {
            return Optional.of(new HostBlock(address, address.length * 8, entry));
        }
        String bits = entry.substring(slash + 1);
        int max = address.length * 8;
        if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
            throw new IllegalArgumentException("the prefix length must be a number from 0 to " + max);
        }
        HostBlock block = new HostBlock(address, Integer.parseInt(bits), entry);
        byte[] masked = block.masked(address);
        if (!java.util.Arrays.equals(masked, address)) {
            throw new IllegalArgumentException("address bits set after the prefix; the block is "
                    + textOf(masked) + "/" + bits);
        }
        return Optional.of(block);
    }

    /** @return whether a client at that address is in this block (an IPv4 block holds no IPv6 client, and back) */
    boolean matches(InetAddress client) {
        byte[] bytes = client.getAddress();
        return bytes.length == network.length && java.util.Arrays.equals(masked(bytes), network);
    }

    private byte[] masked(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    private static byte[] literal(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = v4.group(i + 1);
                int n = Integer.parseInt(part);
                if (n > 255 || part.length() > 1 && part.charAt(0) == '0') {
                    throw new IllegalArgumentException("not an IPv4 address (four numbers 0-255, no leading zeros)");
                }
                bytes[i] = (byte) n;
            }
            return bytes;
        }
        if (text.indexOf(':') >= 0 && IPV6.matcher(text).matches()) {
            try {
                // with a colon and only hex digits, colons and dots, Java parses the literal and never asks DNS
                byte[] bytes = InetAddress.getByName(text).getAddress();
                if (bytes.length == 16) {
                    return bytes;
                }
                throw new IllegalArgumentException("an IPv4-mapped IPv6 address: write the IPv4 address");
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("not an IPv4 or IPv6 address");
    }

    private static String textOf(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
