package org.taskhost.driver.ble.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.Driver;

/** {@code taskhost:ble scan [seconds] [name prefix]}: the devices an adapter hears, with RSSI and services. */
@Component(service = BleCommands.class, property = {"osgi.command.scope=taskhost", "osgi.command.function=ble"})
public class BleCommands {
    private final Driver driver;

    @Activate
    public BleCommands(@Reference(target = "(" + Driver.DRIVER_PROPERTY + "=ble)") Driver driver) {
        this.driver = driver;
    }

    public String ble(String action) throws Exception {
        return ble(action, 5);
    }

    public String ble(String action, double seconds) throws Exception {
        return ble(action, seconds, "");
    }

    public String ble(String action, double seconds, String namePrefix) throws Exception {
        if (!action.equals("scan")) {
            return "usage: taskhost:ble scan [seconds] [name prefix]";
        }
        if (!(seconds > 0 && seconds <= 60)) {
            return "seconds: " + seconds + " is out of range (> 0 and <= 60)";
        }
        List<DiscoveredDevice> found = driver.discover(namePrefix.isEmpty() ? Map.of() : Map.of("name_prefix",
                namePrefix), Duration.ofMillis((long) (seconds * 1000)));
        StringBuilder out = new StringBuilder(String.format("%-17s  %-24s  %5s  %s%n", "ADDRESS", "NAME", "RSSI",
                "SERVICES"));
        for (DiscoveredDevice d : found) {
            out.append(String.format("%-17s  %-24s  %5s  %s%n", d.address(), d.name(),
                    d.properties().getOrDefault("rssi", ""), d.properties().getOrDefault("services", "")));
        }
        return out.append(found.size()).append(" device(s) found").toString();
    }
}
