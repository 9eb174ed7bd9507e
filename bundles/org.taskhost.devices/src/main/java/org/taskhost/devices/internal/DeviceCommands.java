package org.taskhost.devices.internal;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceHealth;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointValue;
import org.taskhost.shell.table.TextTable;

/** {@code taskhost:devices}, {@code taskhost:points <device>}, {@code taskhost:write <device> <point> <value> [priority]}. */
@Component(service = DeviceCommands.class, property = {"osgi.command.scope=taskhost", "osgi.command.function=devices",
    "osgi.command.function=points", "osgi.command.function=write"})
public class DeviceCommands {

    @Reference
    DevicesComponent devices;

    public String devices() {
        TextTable t = new TextTable("ID", "DRIVER", "ADDRESS", "STATUS", "POINTS", "INTERVAL", "POLLS", "ERRORS", "LAST OK", "MESSAGE");
        for (Device d : devices.access().devices()) {
            DeviceHealth h = d.health();
            t.row(d.id(), d.config().driver(), d.config().address(), h.status(), d.config().points().size(),
                    d.config().pollInterval().toMillis() / 1000.0 + " s", h.pollCount(), h.errorCount(),
                    h.lastOkAt() == null ? "never" : h.lastOkAt(), h.message());
        }
        return t.size() == 0 ? "no devices\n" : t.toString();
    }

    public String points(String device) {
        Optional<Device> d = devices.access().device(device);
        if (d.isEmpty()) {
            throw new IllegalArgumentException("no device '" + device + "'");
        }
        TextTable t = new TextTable("POINT", "VALUE", "UNITS", "QUALITY", "TYPE", "WRITABLE", "ADDRESS", "TIMESTAMP", "REASON");
        for (Point p : d.get().config().points()) {
            PointValue v = devices.cache().latest(new PointRef(device, p.id())).orElse(null);
            t.row(p.id(), v == null ? "" : PointValues.display(v.value()), p.units(), v == null ? "BAD" : v.quality(),
                    p.type().label(), p.writable() ? "yes" : "no", p.address(), v == null ? "" : v.timestamp(),
                    v == null ? "not read yet" : v.reason());
        }
        return t.size() == 0 ? "device " + device + " has no points\n" : t.toString();
    }

    public String write(String device, String point, String value) throws Exception {
        return write(device, point, value, 0);
    }

    public String write(String device, String point, String value, int priority) throws Exception {
        Object v = value == null || value.equalsIgnoreCase("null") ? null : value;
        Integer p = priority == 0 ? null : priority;
        Device d = devices.access().device(device).orElseThrow(() -> new IllegalArgumentException("no device '" + device + "'"));
        long limit = DeviceLoop.callLimit(d.config()).toMillis();
        try {
            devices.access().write(new PointRef(device, point), v, p).toCompletableFuture().get(limit, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("device " + device + (NoAnswer.in(e.getCause()) ? " did not answer: " : " refused the write: ")
                    + DeviceLoop.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("device " + device + " did not answer in " + limit / 1000 + " s");
        }
        PointValue now = devices.access().value(new PointRef(device, point));
        return (v == null ? "relinquished " : "wrote " + value + " to ") + device + "/" + point
                + (p == null ? "" : " at priority " + p) + "; it reads " + PointValues.display(now.value()) + " (" + now.quality() + ")";
    }
}
