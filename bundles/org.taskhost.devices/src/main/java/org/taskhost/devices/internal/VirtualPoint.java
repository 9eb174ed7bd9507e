package org.taskhost.devices.internal;

import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointValue;

/** One point of the virtual driver: a held value with a 16-slot priority array, a ramp, or a point that fails. */
final class VirtualPoint {

    private final Point point;
    private final Object[] slots = new Object[16];
    private final Object initial;
    private final double[] ramp;
    private double next;

    /** A point definition the virtual driver cannot follow, with the field of the point that is wrong. */
    static final class BadPoint extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadPoint(String field, String message) {
            super(message);
            this.field = field;
        }

        /** @return the field of the point: {@code address} or {@code options.initial} */
        String field() {
            return field;
        }
    }

    VirtualPoint(Point point) {
        this.point = point;
        String a = point.address();
        if (a.equals("hold") || a.equals("error")) {
            ramp = null;
        } else if (a.startsWith("ramp")) {
            String[] parts = a.split(":");
            try {
                ramp = parts.length == 1 ? new double[] {0, 100, 1} : numbers(parts);
            } catch (IllegalArgumentException e) {
                throw new BadPoint("address", e.getMessage());
            }
            next = ramp[0];
        } else {
            throw new BadPoint("address", "'" + a + "' is not a virtual point address (hold, ramp:<min>:<max>:<step>, error)");
        }
        try {
            String text = point.option("initial", null);
            initial = text == null ? null : PointValues.convert(text, point.type());
        } catch (IllegalArgumentException e) {
            throw new BadPoint("options.initial", "initial value: " + e.getMessage());
        }
    }

    private static double[] numbers(String[] parts) {
        if (parts.length != 4) {
            throw new IllegalArgumentException("a ramp is ramp:<min>:<max>:<step>");
        }
        try {
            double[] r = {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
            if (!(r[0] < r[1]) || !(r[2] > 0)) {
                throw new IllegalArgumentException("a ramp needs min < max and step > 0");
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a ramp is ramp:<min>:<max>:<step> with numbers");
        }
    }

    boolean matches(Point p) {
        return p.address().equals(point.address()) && p.type() == point.type() && p.options().equals(point.options());
    }

    synchronized PointValue read() {
        if (point.address().equals("error")) {
            return PointValue.bad("simulated point error");
        }
        if (ramp != null) {
            double v = next;
            next = next + ramp[2] > ramp[1] ? ramp[0] : next + ramp[2];
            return PointValue.good(PointValues.convert(v, point.type()));
        }
        for (Object slot : slots) {
            if (slot != null) {
                return PointValue.good(slot);
            }
        }
        return initial == null ? PointValue.uncertain(null, "never written") : PointValue.good(initial);
    }

    synchronized void write(Object value, int priority) {
        if (ramp != null || point.address().equals("error")) {
            throw new IllegalStateException("virtual point " + point.id() + " (" + point.address() + ") cannot be written");
        }
        slots[priority - 1] = value;
    }

    /** @return the priority array, 1 first, for the shell and tests */
    synchronized Object[] priorities() {
        return slots.clone();
    }
}
