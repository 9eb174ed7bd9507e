package org.taskhost.driver.bacnet.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.taskhost.api.device.DiscoveredDevice;

/** {@code taskhost:bacnet discover [address [seconds]]}: Who-Is and the devices that answered. */
@Component(service = BacnetCommands.class, property = {"osgi.command.scope=taskhost", "osgi.command.function=bacnet"})
public class BacnetCommands {
    private final BacnetDriver driver;

    @Activate
    public BacnetCommands(@Reference BacnetDriver driver) {
        this.driver = driver;
    }

    public String bacnet(String action) throws Exception {
        return bacnet(action, null, 3);
    }

    public String bacnet(String action, String address) throws Exception {
        return bacnet(action, address, 3);
    }

    public String bacnet(String action, String address, double seconds) throws Exception {
        if (!"discover".equals(action)) {
            return "usage: taskhost:bacnet discover [host:port[,host:port...] [seconds]]";
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (address != null) {
            options.put("address", address);
        }
        List<DiscoveredDevice> found = driver.discover(options, Duration.ofMillis((long) (seconds * 1000)));
        StringBuilder out = new StringBuilder(String.format("%-10s %-22s %-8s %s%n", "INSTANCE", "ADDRESS", "VENDOR", "NAME"));
        for (DiscoveredDevice d : found) {
            out.append(String.format("%-10s %-22s %-8s %s%n", d.properties().get("device_instance"), d.address(),
                    d.properties().get("vendor_id"), d.name()));
        }
        return out.append(found.size()).append(" device(s)").toString();
    }
}
