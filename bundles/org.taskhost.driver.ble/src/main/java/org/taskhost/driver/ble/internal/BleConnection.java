package org.taskhost.driver.ble.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bluez.Device1;
import org.bluez.GattCharacteristic1;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;

/**
 * A GATT connection to one device: connects, waits for its services, finds characteristics by UUID, reads, writes
 * and follows notifications, and reports once when the connection is lost (disconnect, device or adapter removed).
 */
final class BleConnection implements AutoCloseable {
    private static final long POLL_MS = 20;

    /** A characteristic of the connected device. */
    record Characteristic(String uuid, String path, List<String> flags) {
        boolean can(String flag) {
            return flags.contains(flag);
        }
    }

    private final BleClient client;
    private final String address;
    private final String adapterPath;
    private final String devicePath;
    private final Map<String, Characteristic> characteristics = new HashMap<>();
    private final List<Runnable> watches = new ArrayList<>();
    private final List<Characteristic> followed = new ArrayList<>();
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile Consumer<String> lostListener = reason -> { };
    private volatile boolean closed;
    /**
     * Whether closing sends Disconnect: once this connection has the device connected, or has asked to connect and
     * has no answer yet (Disconnect then cancels the Connect, as BlueZ documents); not when BlueZ refused the Connect
     * or the device was never found, when there is nothing to disconnect.
     */
    private volatile boolean disconnectOnClose;

    BleConnection(BleClient client, String adapterPath, String address) {
        this.client = client;
        this.address = address;
        this.adapterPath = adapterPath;
        this.devicePath = BleNames.devicePath(adapterPath, address);
    }

    /** Connects and resolves the services within {@code timeout}. */
    void connect(Duration timeout) throws BleException {
        long deadline = System.nanoTime() + timeout.toNanos();
        BleScanner scanner = new BleScanner(client);
        if (!scanner.exists(devicePath)) {
            scanner.awaitDevice(adapterPath, devicePath, address, deadline);
        }
        watches.add(client.watchRemoval(devicePath, removed -> lose(removed.equals(devicePath)
                ? "device " + address + " removed from " + adapterName() : "adapter " + adapterName() + " removed")));
        watches.add(client.watchProperties(devicePath, BleClient.DEVICE, changed -> {
            if (changed.containsKey("Connected") && !DbusValues.bool(DbusValues.value(changed, "Connected"))) {
                lose("device " + address + " disconnected");
            }
        }));
        Device1 device = client.remote(devicePath, Device1.class);
        boolean connected = DbusValues.bool(DbusValues.value(client.properties(devicePath, BleClient.DEVICE), "Connected"));
        disconnectOnClose = true;
        if (!connected) {
            connectWithin(device, deadline, timeout);
        }
        while (!DbusValues.bool(DbusValues.value(client.properties(devicePath, BleClient.DEVICE), "ServicesResolved"))) {
            pause(deadline, "services of " + address + " not resolved within " + timeout.toMillis() + " ms");
        }
        // BlueZ names GATT objects serviceXXXX/charXXXX/descXXXX; a device may have other children (media endpoints)
        for (String service : client.children(devicePath)) {
            if (!service.startsWith("service")) {
                continue;
            }
            for (String node : client.children(devicePath + "/" + service)) {
                if (!node.startsWith("char")) {
                    continue;
                }
                String path = devicePath + "/" + service + "/" + node;
                Map<String, Variant<?>> p = client.properties(path, BleClient.CHARACTERISTIC);
                String uuid = String.valueOf(DbusValues.value(p, "UUID")).toLowerCase(java.util.Locale.ROOT);
                characteristics.put(uuid, new Characteristic(uuid, path, DbusValues.strings(DbusValues.value(p, "Flags"))));
            }
        }
    }

    /** Connect, waited for until the deadline only: BlueZ may take much longer to give up on a device out of range. */
    private void connectWithin(Device1 device, long deadline, Duration timeout) throws BleException {
        try {
            client.callAsync(device, "Connect").get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BleException("connect to " + address + " did not complete within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            disconnectOnClose = false;
            throw new BleException("connect to " + address + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BleException("interrupted");
        }
    }

    private static void pause(long deadline, String timeoutMessage) throws BleException {
        if (System.nanoTime() > deadline) {
            throw new BleException(timeoutMessage, new TimeoutException(timeoutMessage));
        }
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BleException("interrupted");
        }
    }

    private String adapterName() {
        return BleNames.adapterName(adapterPath);
    }

    Characteristic characteristic(String uuid) {
        return characteristics.get(uuid);
    }

    Map<String, Characteristic> characteristics() {
        return Map.copyOf(characteristics);
    }

    byte[] read(Characteristic c) throws BleException {
        try {
            return client.remote(c.path(), GattCharacteristic1.class).ReadValue(Map.of());
        } catch (DBusException | RuntimeException e) {
            throw failure("read", c, e);
        }
    }

    void write(Characteristic c, byte[] value, boolean withResponse) throws BleException {
        try {
            client.remote(c.path(), GattCharacteristic1.class).WriteValue(value,
                    Map.of("type", new Variant<>(withResponse ? "request" : "command")));
        } catch (DBusException | RuntimeException e) {
            throw failure("write", c, e);
        }
    }

    /** Follows notifications (or indications) of the characteristic; the listener runs on the D-Bus signal thread. */
    void follow(Characteristic c, Consumer<byte[]> listener) throws BleException {
        // subscribed before StartNotify: the device may notify as soon as its notifications are enabled
        watches.add(client.watchProperties(c.path(), BleClient.CHARACTERISTIC, changed -> {
            Object value = DbusValues.value(changed, "Value");
            if (value != null) {
                listener.accept(DbusValues.bytes(value));
            }
        }));
        try {
            client.remote(c.path(), GattCharacteristic1.class).StartNotify();
            followed.add(c);
        } catch (DBusException | RuntimeException e) {
            throw failure("start notifications of", c, e);
        }
    }

    private BleException failure(String what, Characteristic c, Exception e) {
        return new BleException(what + " " + c.uuid() + " failed: " + e.getMessage(), e);
    }

    boolean isLost() {
        return lost.get();
    }

    /** The listener is called once, from the D-Bus signal thread, with what happened. */
    void onLost(Consumer<String> listener) {
        this.lostListener = listener;
    }

    private void lose(String reason) {
        if (!closed && lost.compareAndSet(false, true)) {
            lostListener.accept(reason);
        }
    }

    @Override
    public void close() {
        closed = true;
        watches.forEach(Runnable::run);
        // also when the connection was lost: BlueZ keeps a client's notify sessions across a disconnect and enables them
        // again as soon as the device reconnects, before the next session has subscribed to the values in follow()
        for (Characteristic c : followed) {
            try {
                client.remote(c.path(), GattCharacteristic1.class).StopNotify();
            } catch (Exception e) {
                // the characteristic is gone, and its sessions with it
            }
        }
        if (lost.get() || !disconnectOnClose) {
            return;
        }
        try {
            client.remote(devicePath, Device1.class).Disconnect();
        } catch (Exception e) {
            // already disconnected or gone
        }
    }
}
