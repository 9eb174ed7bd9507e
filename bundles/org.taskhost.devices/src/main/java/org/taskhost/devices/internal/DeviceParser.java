package org.taskhost.devices.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointType;

/**
 * Turns a device definition (the JSON of REST, the properties kept in Config Admin) into a {@link DeviceConfig},
 * or refuses it with every problem named by its field ({@code poll_interval}, {@code points[2].address}).
 * The format is documented in docs/devices.md.
 */
final class DeviceParser {

    static final Set<String> DEVICE_FIELDS = Set.of("id", "driver", "address", "poll_interval", "enabled", "timeout",
            "retries", "options", "points", "description");
    static final Set<String> POINT_FIELDS = Set.of("id", "address", "type", "units", "writable", "write_priority", "cov",
            "description", "options");
    static final double DEFAULT_POLL_INTERVAL = 1.0;
    static final double DEFAULT_TIMEOUT = 2.0;
    static final int DEFAULT_RETRIES = 1;
    static final int MAX_POINTS = 10_000;

    private DeviceParser() {
    }

    /**
     * @param body the definition
     * @return the configuration
     * @throws InvalidDeviceException naming every field in error
     */
    static DeviceConfig parse(Map<String, Object> body) {
        List<DeviceProblem> problems = new ArrayList<>();
        Fields f = new Fields(body, "", problems);
        f.onlyKnown(DEVICE_FIELDS);
        String id = f.id("id");
        if ("events".equals(id) || "discover".equals(id)) {
            f.problem("id", "'" + id + "' is reserved (it names a REST endpoint under /api/v1/devices)");
        }
        String driver = f.text("driver", "", true);
        if (!driver.isEmpty() && !driver.matches("[a-z0-9_.-]{1,32}")) {
            f.problem("driver", "'" + driver + "' must be 1-32 lower-case letters, digits, '_', '.' or '-'");
        }
        String address = f.text("address", "", false);
        double interval = f.number("poll_interval", DEFAULT_POLL_INTERVAL, 0.01, 86_400);
        boolean enabled = f.bool("enabled", true);
        double timeout = f.number("timeout", DEFAULT_TIMEOUT, 0.01, 600);
        int retries = f.integer("retries", DEFAULT_RETRIES, 0, 10);
        Map<String, String> options = f.options("options");
        String description = f.text("description", "", false);
        List<Point> points = points(f, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDeviceException(problems);
        }
        return new DeviceConfig(id, driver, address, seconds(interval), enabled, seconds(timeout), retries, options,
                points, description);
    }

    private static List<Point> points(Fields device, List<DeviceProblem> problems) {
        List<Map<String, Object>> list = device.objects("points");
        if (list.size() > MAX_POINTS) {
            device.problem("points", "has " + list.size() + " points; at most " + MAX_POINTS);
            return List.of();
        }
        List<Point> points = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                continue;
            }
            int before = problems.size();
            Fields f = new Fields(list.get(i), "points[" + i + "].", problems);
            f.onlyKnown(POINT_FIELDS);
            String id = f.id("id");
            if (id != null && !ids.add(id)) {
                f.problem("id", "'" + id + "' is used by an earlier point");
            }
            String address = f.text("address", "", true);
            PointType type = PointType.FLOAT;
            try {
                type = PointType.parse(f.text("type", "float", false));
            } catch (IllegalArgumentException e) {
                f.problem("type", e.getMessage());
            }
            String units = f.text("units", "", false);
            boolean writable = f.bool("writable", false);
            Integer priority = f.integer("write_priority", null, 1, 16);
            if (priority != null && !writable) {
                f.problem("write_priority", "is set but the point is not writable");
            }
            boolean cov = f.bool("cov", false);
            String description = f.text("description", "", false);
            Map<String, String> options = f.options("options");
            if (problems.size() == before) {
                points.add(new Point(id, address, type, units, writable, priority, cov, description, options));
            }
        }
        return points;
    }

    static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
