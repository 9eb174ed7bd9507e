package org.taskhost.driver.bacnet.internal;

import java.util.List;

import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointValue;

/** Turns what a device answered into a point's value of the point's type. */
final class PointValues {
    private PointValues() {
    }

    static PointValue of(Point point, PropertyResult result) {
        if (!result.isOk()) {
            return PointValue.bad(result.error());
        }
        return of(point, result.value());
    }

    static PointValue of(Point point, Object value) {
        try {
            return PointValue.good(convert(point, value));
        } catch (IllegalArgumentException e) {
            return PointValue.bad(e.getMessage());
        }
    }

    private static Object convert(Point point, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("the device holds NULL");
        }
        return switch (point.type()) {
            case FLOAT -> number(value);
            case INT -> Math.round(number(value));
            case BOOL -> number(value) != 0;
            case STRING -> value instanceof List<?> list ? list.toString() : value.toString();
            case BYTES -> throw new IllegalArgumentException("type bytes is not supported by the BACnet driver");
        };
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        } else if (value instanceof Enumerated e) {
            return e.value();
        } else if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw new IllegalArgumentException("value " + value + " is not a number");
    }
}
