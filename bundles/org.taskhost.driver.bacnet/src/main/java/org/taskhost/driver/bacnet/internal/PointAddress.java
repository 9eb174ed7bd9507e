package org.taskhost.driver.bacnet.internal;

/**
 * A point's address: {@code <object-type>:<instance>[/<property>[[index]]]} ({@code analog-input:3},
 * {@code AI:3/units}, {@code AO:1/priority-array[8]}), or the same with commas ({@code analog-input,3,present-value}).
 */
final class PointAddress {
    private PointAddress() {
    }

    static PropertyRef parse(String address) {
        String text = address == null ? "" : address.trim();
        if (!text.contains(":") && text.contains(",")) {
            String[] parts = text.split(",", 3);
            text = parts[0].trim() + ":" + parts[1].trim() + (parts.length > 2 ? "/" + parts[2].trim() : "");
        }
        return PropertyRef.parse(text);
    }
}
