package org.taskhost.driver.ble.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bluez.Adapter1;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;

/** Discovery on an adapter: what it hears, a device by name, a device BlueZ does not know yet. */
final class BleScanner {
    private final BleClient client;

    BleScanner(BleClient client) {
        this.client = client;
    }

    /** Listens for {@code duration} and lists the devices the adapter then knows, with RSSI and services. */
    List<ScanResult> scan(String adapter, Duration duration, String namePrefix) throws BleException {
        String adapterPath = client.adapterPath(adapter);
        Adapter1 adapter1 = client.remote(adapterPath, Adapter1.class);
        try {
            adapter1.StartDiscovery();
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DBusException | RuntimeException e) {
            throw new BleException("scan on " + adapterPath + " failed: " + e.getMessage(), e);
        } finally {
            try {
                adapter1.StopDiscovery();
            } catch (DBusException | RuntimeException e) {
                // the adapter may have gone during the scan: what it found is listed below, or nothing
            }
        }
        List<ScanResult> found = new ArrayList<>();
        for (String node : client.children(adapterPath)) {
            if (!node.startsWith("dev_")) {
                continue;
            }
            Map<String, Variant<?>> p = client.properties(adapterPath + "/" + node, BleClient.DEVICE);
            Object name = DbusValues.value(p, "Name");
            String label = name == null ? String.valueOf(DbusValues.value(p, "Alias")) : name.toString();
            if (namePrefix != null && !namePrefix.isEmpty() && !label.startsWith(namePrefix)) {
                continue;
            }
            Object rssi = DbusValues.value(p, "RSSI");
            found.add(new ScanResult(String.valueOf(DbusValues.value(p, "Address")), label,
                    rssi instanceof Number n ? n.shortValue() : null, DbusValues.strings(DbusValues.value(p, "UUIDs"))));
        }
        return found;
    }

    /**
     * @return the address of a device on the adapter whose name (or alias) matches, scanning up to {@code timeout}
     *         if the adapter knows none yet
     */
    String addressByName(String adapterPath, String namePattern, Duration timeout) throws BleException {
        Pattern name = BleNames.namePattern(namePattern);
        String glob = namePattern.substring("name:".length());
        String found = knownByName(adapterPath, name);
        if (found != null) {
            return found;
        }
        return scanUntil(adapterPath, () -> knownByName(adapterPath, name), System.nanoTime() + timeout.toNanos(),
                "scan for a device named like '" + glob + "' failed",
                "no device named like '" + glob + "' found by " + BleNames.adapterName(adapterPath));
    }

    private String knownByName(String adapterPath, Pattern name) throws BleException {
        for (String node : client.children(adapterPath)) {
            if (node.startsWith("dev_")) {
                Map<String, Variant<?>> p = client.properties(adapterPath + "/" + node, BleClient.DEVICE);
                for (String key : new String[] {"Name", "Alias"}) {
                    Object value = DbusValues.value(p, key);
                    if (value != null && name.matcher(value.toString()).matches()) {
                        return String.valueOf(DbusValues.value(p, "Address"));
                    }
                }
            }
        }
        return null;
    }


    /** BlueZ knows only devices it has seen: scans until the device's object appears, or fails at the deadline. */
    void awaitDevice(String adapterPath, String devicePath, String address, long deadlineNanos) throws BleException {
        String adapterName = BleNames.adapterName(adapterPath);
        scanUntil(adapterPath, () -> exists(devicePath) ? devicePath : null, deadlineNanos,
                "device " + address + " is not known to " + adapterName + " and a scan failed",
                "device " + address + " not found by " + adapterName);
    }

    /** Something looked up on the bus while a scan runs; null while not there. */
    @FunctionalInterface
    private interface Lookup<T> {
        T find() throws BleException;
    }

    /** Scans on the adapter until the lookup finds something or the deadline passes; the scan is stopped either way. */
    private <T> T scanUntil(String adapterPath, Lookup<T> lookup, long deadlineNanos, String scanFailed, String notFound)
            throws BleException {
        Adapter1 adapter = client.remote(adapterPath, Adapter1.class);
        try {
            adapter.StartDiscovery();
        } catch (DBusException | RuntimeException e) {
            throw new BleException(scanFailed + ": " + e.getMessage(), e);
        }
        try {
            T found;
            while ((found = lookup.find()) == null) {
                if (System.nanoTime() > deadlineNanos) {
                    throw new BleException(notFound);
                }
                Thread.sleep(20);
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BleException("interrupted");
        } finally {
            try {
                adapter.StopDiscovery();
            } catch (DBusException | RuntimeException e) {
                // the adapter went away: reported by the next attempt
            }
        }
    }

    boolean exists(String devicePath) {
        try {
            client.properties(devicePath, BleClient.DEVICE);
            return true;
        } catch (BleException e) {
            return false;
        }
    }
}
