package org.taskhost.driver.bacnet.internal;

import java.util.Locale;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetPropertyIdentifier;

/**
 * One property of one object, the address of a point: {@code <object>[/<property>[[index]]]}, e.g. {@code AI:1},
 * {@code analog-input:1/present-value}, {@code AO:0/priority-array[8]}. The property defaults to present-value.
 */
public record PropertyRef(ObjectId object, int property, Integer arrayIndex) {
    public static final int PRESENT_VALUE = 85;
    public static final int UNITS = 117;
    public static final int PRIORITY_ARRAY = 87;
    public static final int OBJECT_NAME = 77;
    public static final int VENDOR_IDENTIFIER = 120;

    public PropertyRef {
        if (property < 0 || property > 4194303) {
            throw new IllegalArgumentException("property " + property + " is out of range 0..4194303");
        }
    }

    public static PropertyRef of(ObjectId object, int property) {
        return new PropertyRef(object, property, null);
    }

    public static PropertyRef parse(String text) {
        String address = text.trim();
        int slash = address.indexOf('/');
        ObjectId object = ObjectId.parse(slash < 0 ? address : address.substring(0, slash));
        if (slash < 0) {
            return of(object, PRESENT_VALUE);
        }
        String property = address.substring(slash + 1).trim();
        Integer index = null;
        int bracket = property.indexOf('[');
        if (bracket >= 0) {
            if (!property.endsWith("]")) {
                throw new IllegalArgumentException("array index in '" + text + "' is not closed with ]");
            }
            String indexText = property.substring(bracket + 1, property.length() - 1).trim();
            try {
                index = Integer.valueOf(indexText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("array index '" + indexText + "' in '" + text + "' is not a number");
            }
            if (index < 0) {
                throw new IllegalArgumentException("array index " + index + " in '" + text + "' is negative");
            }
            property = property.substring(0, bracket).trim();
        }
        return new PropertyRef(object, parseProperty(property, text), index);
    }

    static int parseProperty(String name, String address) {
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(name);
        }
        try {
            BACnetPropertyIdentifier id = BACnetPropertyIdentifier.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
            if (id != BACnetPropertyIdentifier.VENDOR_PROPRIETARY_VALUE) {
                return (int) id.getValue();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("unknown property '" + name + "' in '" + address
                + "' (e.g. present-value, units, priority-array, or a number)");
    }

    public static String propertyName(int property) {
        return BACnetPropertyIdentifier.isDefined(property)
                ? BACnetPropertyIdentifier.enumForValue(property).name().toLowerCase(Locale.ROOT).replace('_', '-')
                : String.valueOf(property);
    }

    @Override
    public String toString() {
        return object + "/" + propertyName(property) + (arrayIndex == null ? "" : "[" + arrayIndex + "]");
    }
}
