package org.taskhost.driver.bacnet.internal;

import java.util.Locale;
import java.util.Map;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetObjectType;

/** A BACnet object identifier: object type number and instance (0..4194302; 4194303 means "any"). */
public record ObjectId(int type, int instance) {
    public static final int MAX_INSTANCE = 4194302;
    public static final int DEVICE = 8;

    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("ai", "analog-input"), Map.entry("ao", "analog-output"), Map.entry("av", "analog-value"),
            Map.entry("bi", "binary-input"), Map.entry("bo", "binary-output"), Map.entry("bv", "binary-value"),
            Map.entry("msi", "multi-state-input"), Map.entry("mso", "multi-state-output"),
            Map.entry("msv", "multi-state-value"), Map.entry("dev", "device"));

    public ObjectId {
        if (type < 0 || type > 1023) {
            throw new IllegalArgumentException("object type " + type + " is out of range 0..1023");
        }
        if (instance < 0 || instance > MAX_INSTANCE + 1) {
            throw new IllegalArgumentException("instance " + instance + " is out of range 0.." + MAX_INSTANCE);
        }
    }

    /** Parses {@code analog-input:1}, {@code AI:1} or {@code 0:1}. */
    public static ObjectId parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("object '" + text + "' is not <type>:<instance> (e.g. analog-input:1 or AI:1)");
        }
        int type = parseType(text.substring(0, colon).trim());
        String instanceText = text.substring(colon + 1).trim();
        long instance;
        try {
            instance = Long.parseLong(instanceText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("instance '" + instanceText + "' of object '" + text + "' is not a number");
        }
        if (instance < 0 || instance > MAX_INSTANCE) {
            throw new IllegalArgumentException("instance " + instance + " of object '" + text + "' is out of range 0.." + MAX_INSTANCE);
        }
        return new ObjectId(type, (int) instance);
    }

    static int parseType(String name) {
        if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
            return Integer.parseInt(name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String full = SHORT_NAMES.getOrDefault(lower, lower);
        try {
            BACnetObjectType type = BACnetObjectType.valueOf(full.replace('-', '_').toUpperCase(Locale.ROOT));
            if (type != BACnetObjectType.VENDOR_PROPRIETARY_VALUE) {
                return type.getValue();
            }
        } catch (IllegalArgumentException e) {
            // reported below with the name the user wrote
        }
        throw new IllegalArgumentException("unknown object type '" + name + "' (e.g. analog-input, AI, binary-value, 8)");
    }

    public static String typeName(int type) {
        BACnetObjectType known = BACnetObjectType.isDefined((short) type) ? BACnetObjectType.enumForValue((short) type) : null;
        return known == null ? String.valueOf(type) : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return typeName(type) + ":" + instance;
    }
}
