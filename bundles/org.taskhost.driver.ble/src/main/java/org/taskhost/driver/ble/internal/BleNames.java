package org.taskhost.driver.ble.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Bluetooth addresses and UUIDs as configurations write them, checked and normalized. */
final class BleNames {
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern UUID128 = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern UUID_SHORT = Pattern.compile("(0x)?([0-9a-f]{4}|[0-9a-f]{8})");
    private static final String BASE = "-0000-1000-8000-00805f9b34fb";

    private BleNames() {
    }

    static boolean isAddress(String text) {
        return text != null && ADDRESS.matcher(text).matches();
    }

    /** A device may be configured by name: {@code name:<glob>}, {@code *} any text, {@code ?} one character. */
    static boolean isNamePattern(String text) {
        return text != null && text.startsWith("name:") && text.length() > 5;
    }

    static Pattern namePattern(String text) {
        StringBuilder regex = new StringBuilder();
        for (char ch : text.substring(5).toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * @return the 128-bit UUID in lower case: a 16- or 32-bit short UUID ({@code 2a6e}) on the Bluetooth base UUID
     * @throws IllegalArgumentException if it is no UUID
     */
    static String uuid(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (UUID128.matcher(t).matches()) {
            return t;
        }
        var m = UUID_SHORT.matcher(t);
        if (m.matches()) {
            String digits = m.group(2);
            return (digits.length() == 4 ? "0000" + digits : digits) + BASE;
        }
        throw new IllegalArgumentException("not a UUID (128-bit 0000181a-0000-1000-8000-00805f9b34fb or short 2a6e): '"
                + text + "'");
    }

    static String devicePath(String adapterPath, String address) {
        return adapterPath + "/dev_" + address.toUpperCase(Locale.ROOT).replace(':', '_');
    }

    /** @return the adapter's name ({@code hci0}) from its D-Bus object path */
    static String adapterName(String adapterPath) {
        return adapterPath.substring(adapterPath.lastIndexOf('/') + 1);
    }
}
