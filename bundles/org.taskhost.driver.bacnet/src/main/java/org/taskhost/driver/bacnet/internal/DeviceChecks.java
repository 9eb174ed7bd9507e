package org.taskhost.driver.bacnet.internal;

import java.util.ArrayList;
import java.util.List;

import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceProblem;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointType;

/** What the BACnet driver checks of a device before it is stored: address, options, point addresses and types. */
final class DeviceChecks {
    private DeviceChecks() {
    }

    static List<DeviceProblem> problems(DeviceConfig device) {
        List<DeviceProblem> problems = new ArrayList<>();
        try {
            DeviceAddress.parse(device.address());
        } catch (IllegalArgumentException e) {
            problems.add(new DeviceProblem("address", e.getMessage()));
        }
        checkInt(device, "max_per_request", 1, 200, problems);
        checkInt(device, "cov_lifetime", 0, 86400, problems);
        for (String key : device.options().keySet()) {
            if (!List.of("max_per_request", "cov_lifetime", "device_instance").contains(key)) {
                problems.add(new DeviceProblem("options." + key, "is not a BACnet device option (max_per_request, cov_lifetime, device_instance)"));
            }
        }
        checkInt(device, "device_instance", 0, ObjectId.MAX_INSTANCE, problems);
        List<Point> points = device.points();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            try {
                PointAddress.parse(p.address());
            } catch (IllegalArgumentException e) {
                problems.add(new DeviceProblem("points[" + i + "].address", e.getMessage()));
            }
            if (p.type() == PointType.BYTES) {
                problems.add(new DeviceProblem("points[" + i + "].type", "bytes is not supported by the BACnet driver (float, int, bool, string)"));
            }
        }
        return problems;
    }

    private static void checkInt(DeviceConfig device, String key, int min, int max, List<DeviceProblem> problems) {
        String value = device.options().get(key);
        if (value == null) {
            return;
        }
        try {
            WholeNumber.parse(value, min, max, "whole number");
        } catch (IllegalArgumentException e) {
            problems.add(new DeviceProblem("options." + key, e.getMessage()));
        }
    }
}
