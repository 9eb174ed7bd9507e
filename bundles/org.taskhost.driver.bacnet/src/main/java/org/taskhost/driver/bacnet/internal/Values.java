package org.taskhost.driver.bacnet.internal;

import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagBoolean;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagCharacterString;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagEnumerated;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagNull;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagReal;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagSignedInteger;
import static org.apache.plc4x.java.bacnetip.readwrite.utils.StaticHelper.createBACnetApplicationTagUnsignedInteger;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTag;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagBitString;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagBoolean;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagCharacterString;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagDouble;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagEnumerated;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagNull;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagObjectIdentifier;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagReal;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagSignedInteger;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetApplicationTagUnsignedInteger;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetCharacterEncoding;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConstructedData;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConstructedDataElement;
import org.apache.plc4x.java.bacnetip.readwrite.BACnetConstructedDataUnspecified;

/**
 * Turns PLC4X's typed BACnet values into plain Java values and back. PLC4X has one class per object type and property
 * (about 1,300 of them); they all hold their value in an application tag or an enumeration "...Tagged", found here by
 * their getters rather than by listing every class.
 */
final class Values {
    private Values() {
    }

    /**
     * A property's value as read with an array index (null for none). At index 0 BACnet answers the array's length,
     * which PLC4X keeps apart from the elements (left empty then), in a {@code numberOfDataElements} field.
     */
    static Object of(Object plc4x, Integer arrayIndex) {
        if (arrayIndex != null && arrayIndex == 0) {
            Object length = arrayLength(plc4x);
            if (length != null) {
                return of(length);
            }
        }
        return of(plc4x);
    }

    private static Object arrayLength(Object plc4x) {
        if (plc4x == null) {
            return null;
        }
        Class<?> type = plc4x.getClass();
        if (hasMethod(type, "getNumberOfDataElements")) {
            return call(plc4x, "getNumberOfDataElements");
        }
        return plc4x instanceof BACnetConstructedData && hasMethod(type, "getActualValue")
                ? arrayLength(call(plc4x, "getActualValue")) : null;
    }

    static Object of(Object plc4x) {
        if (plc4x == null || plc4x instanceof BACnetApplicationTagNull) {
            return null;
        }
        if (plc4x instanceof BACnetApplicationTag tag) {
            return ofTag(tag);
        }
        if (plc4x instanceof BACnetConstructedDataUnspecified unspecified) {
            return single(unspecified.getData().stream().map(Values::ofElement).toList());
        }
        if (plc4x instanceof BACnetConstructedDataElement element) {
            return ofElement(element);
        }
        if (plc4x instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(item -> values.add(of(item)));
            return values;
        }
        Class<?> type = plc4x.getClass();
        if (type.getSimpleName().endsWith("Tagged")) {
            return ofTagged(plc4x);
        }
        if (plc4x instanceof BACnetConstructedData && hasMethod(type, "getActualValue")) {
            return of(call(plc4x, "getActualValue"));
        }
        Object data = hasMethod(type, "getData") ? call(plc4x, "getData") : null;
        if (data instanceof List<?>) {
            return of(data);
        }
        // arrays without an actual value (state-text, object-list, ...) hold their elements in a list of their own name
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type
                    && List.class.isAssignableFrom(m.getReturnType())) {
                return of(call(plc4x, m.getName()));
            }
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == type
                    && (BACnetApplicationTag.class.isAssignableFrom(m.getReturnType())
                            || m.getReturnType().getSimpleName().endsWith("Tagged"))) {
                return of(call(plc4x, m.getName()));
            }
        }
        return plc4x.toString();
    }

    private static Object single(List<Object> values) {
        return values.size() == 1 ? values.get(0) : values;
    }

    private static Object ofElement(BACnetConstructedDataElement element) {
        if (element.getApplicationTag() != null) {
            return of(element.getApplicationTag());
        }
        if (element.getConstructedData() != null) {
            return of(element.getConstructedData());
        }
        return element.getContextTag() == null ? null : element.getContextTag().toString();
    }

    private static Object ofTag(BACnetApplicationTag tag) {
        if (tag instanceof BACnetApplicationTagReal real) {
            return Double.parseDouble(Float.toString(real.getActualValue()));
        } else if (tag instanceof BACnetApplicationTagDouble dbl) {
            return dbl.getActualValue();
        } else if (tag instanceof BACnetApplicationTagUnsignedInteger unsigned) {
            return unsigned.getActualValue().longValue();
        } else if (tag instanceof BACnetApplicationTagSignedInteger signed) {
            return signed.getActualValue().longValue();
        } else if (tag instanceof BACnetApplicationTagBoolean bool) {
            return bool.getActualValue();
        } else if (tag instanceof BACnetApplicationTagEnumerated enumerated) {
            return new Enumerated(enumerated.getActualValue(), null);
        } else if (tag instanceof BACnetApplicationTagCharacterString string) {
            return string.getValue();
        } else if (tag instanceof BACnetApplicationTagObjectIdentifier id) {
            return new ObjectId(id.getObjectType().getValue(), id.getInstanceNumber());
        } else if (tag instanceof BACnetApplicationTagBitString bits) {
            return new ArrayList<>(bits.getPayload().getData());
        }
        return tag.toString();
    }

    private static Object ofTagged(Object tagged) {
        if (!hasMethod(tagged.getClass(), "getValue")) {
            Object payload = hasMethod(tagged.getClass(), "getPayload") ? call(tagged, "getPayload") : null;
            Object bits = payload != null && hasMethod(payload.getClass(), "getData") ? call(payload, "getData") : null;
            return bits instanceof List<?> list ? new ArrayList<>(list) : tagged.toString();
        }
        Object value = call(tagged, "getValue");
        if (value instanceof Enum<?> e) {
            boolean proprietary = e.name().endsWith("PROPRIETARY_VALUE") || e.name().endsWith("UNKNOWN_ID");
            Object number = proprietary ? firstOf(tagged, "getProprietaryValue", "getUnknownId") : call(e, "getValue");
            long n = number instanceof Number num ? num.longValue() : e.ordinal();
            return new Enumerated(n, proprietary ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return value;
    }

    private static Object firstOf(Object target, String... names) {
        for (String name : names) {
            if (hasMethod(target.getClass(), name)) {
                return call(target, name);
            }
        }
        return null;
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object call(Object target, String name) {
        try {
            return target.getClass().getMethod(name).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + name + " of " + target.getClass().getSimpleName(), e);
        }
    }

    /** The application tag a value is written as: the object type decides (binary: enumerated, analog: real, ...). */
    static BACnetConstructedDataElement element(ObjectId object, Object value) {
        BACnetApplicationTag tag = tagFor(object, value);
        return new BACnetConstructedDataElement(tag.getHeader(), tag, null, null, null, null, null);
    }

    static BACnetApplicationTag tagFor(ObjectId object, Object value) {
        if (value == null) {
            return createBACnetApplicationTagNull();
        }
        switch (object == null ? -1 : object.type()) {
            case 0, 1, 2 -> {
                return createBACnetApplicationTagReal(real(number(value, object), value, object));
            }
            case 3, 4, 5 -> {
                return createBACnetApplicationTagEnumerated(binary(value, object));
            }
            case 13, 14, 19 -> {
                return createBACnetApplicationTagUnsignedInteger(unsigned(value, object));
            }
            default -> {
                return tagForJava(value);
            }
        }
    }

    private static BACnetApplicationTag tagForJava(Object value) {
        if (value instanceof Boolean b) {
            return createBACnetApplicationTagBoolean(b);
        } else if (value instanceof Enumerated e) {
            return createBACnetApplicationTagEnumerated(e.value());
        } else if (value instanceof Double || value instanceof Float) {
            return createBACnetApplicationTagReal(real(((Number) value).doubleValue(), value, null));
        } else if (value instanceof Number n) {
            long l = n.longValue();
            return l >= 0 ? createBACnetApplicationTagUnsignedInteger(l) : createBACnetApplicationTagSignedInteger(l);
        }
        return createBACnetApplicationTagCharacterString(BACnetCharacterEncoding.ISO_10646, value.toString());
    }

    /** A REAL is an IEEE single: a finite value beyond its range would go out as an infinity the writer never asked for. */
    private static float real(double d, Object value, ObjectId object) {
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw new IllegalArgumentException("value '" + value + "'" + (object == null ? "" : " for " + object)
                    + " is out of the range of a BACnet REAL (-" + Float.MAX_VALUE + " to " + Float.MAX_VALUE + ")");
        }
        return f;
    }

    private static double number(Object value, ObjectId object) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("value '" + value + "' for " + object + " is not a number");
        }
    }

    private static long binary(Object value, ObjectId object) {
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "1", "1.0", "true", "active", "on" -> 1;
            case "0", "0.0", "false", "inactive", "off" -> 0;
            default -> throw new IllegalArgumentException("value '" + value + "' for " + object
                    + " is not binary (0/1, true/false, active/inactive)");
        };
    }

    private static long unsigned(Object value, ObjectId object) {
        double d = number(value, object);
        if (d < 1 || d != Math.rint(d)) {
            throw new IllegalArgumentException("value '" + value + "' for " + object + " is not a state number 1, 2, ...");
        }
        return (long) d;
    }
}
