package org.taskhost.driver.ble.internal;

import com.github.hypfvieh.DbusHelper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.CallbackHandler;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.interfaces.ObjectManager;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * One D-Bus connection to BlueZ, shared by every BLE device: finds adapters, scans, and hands each property change
 * and object removal to whoever watches that object path. Thread-safe.
 */
final class BleClient implements AutoCloseable {
    static final String BLUEZ = "org.bluez";
    static final String DEVICE = "org.bluez.Device1";
    static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";

    private record PropertyWatch(String path, String iface, Consumer<Map<String, Variant<?>>> listener) {
    }

    private record RemovalWatch(String path, Consumer<String> listener) {
    }

    private final DBusConnection connection;
    private final String busAddress;
    private final List<PropertyWatch> propertyWatches = new CopyOnWriteArrayList<>();
    private final List<RemovalWatch> removalWatches = new CopyOnWriteArrayList<>();

    private BleClient(DBusConnection connection, String busAddress) throws DBusException {
        this.connection = connection;
        this.busAddress = busAddress;
        connection.addSigHandler(Properties.PropertiesChanged.class, signal -> {
            for (PropertyWatch w : propertyWatches) {
                if (w.path.equals(signal.getPath()) && w.iface.equals(signal.getInterfaceName())) {
                    w.listener.accept(signal.getPropertiesChanged());
                }
            }
        });
        connection.addSigHandler(ObjectManager.InterfacesRemoved.class, signal -> {
            String removed = signal.getSignalSource().getPath();
            for (RemovalWatch w : removalWatches) {
                if (w.path.equals(removed) || w.path.startsWith(removed + "/")) {
                    w.listener.accept(removed);
                }
            }
        });
    }

    /**
     * @param busAddress a D-Bus address such as {@code unix:path=/run/dbus/system_bus_socket}; empty for the system
     *        bus ({@code DBUS_SYSTEM_BUS_ADDRESS} if set)
     */
    static BleClient open(String busAddress) throws BleException {
        try {
            DBusConnectionBuilder builder = busAddress.isBlank() ? DBusConnectionBuilder.forSystemBus()
                    : DBusConnectionBuilder.forAddress(busAddress);
            return new BleClient(builder.withShared(false).build(), busAddress.isBlank() ? "system bus" : busAddress);
        } catch (DBusException | RuntimeException e) {
            throw new BleException("cannot connect to D-Bus (" + (busAddress.isBlank() ? "system bus" : busAddress)
                    + "): " + e.getMessage(), e);
        }
    }

    boolean isConnected() {
        return connection.isConnected();
    }

    String busAddress() {
        return busAddress;
    }

    DBusConnection connection() {
        return connection;
    }

    /** @return the adapters' names ({@code hci0}, ...), sorted */
    List<String> adapters() {
        return DbusHelper.findNodes(connection, "/org/bluez").stream().filter(n -> n.startsWith("hci")).sorted()
                .toList();
    }

    /** @return the adapter's object path; the first adapter when {@code wanted} is empty */
    String adapterPath(String wanted) throws BleException {
        List<String> adapters = adapters();
        if (adapters.isEmpty()) {
            throw new BleException("no Bluetooth adapter on " + busAddress);
        }
        if (wanted == null || wanted.isBlank()) {
            return "/org/bluez/" + adapters.get(0);
        }
        if (!adapters.contains(wanted)) {
            throw new BleException("no adapter '" + wanted + "' (adapters: " + String.join(", ", adapters) + ")");
        }
        return "/org/bluez/" + wanted;
    }

    Map<String, Variant<?>> properties(String path, String iface) throws BleException {
        try {
            return connection.getRemoteObject(BLUEZ, path, Properties.class).GetAll(iface);
        } catch (DBusException | RuntimeException e) {
            throw new BleException(path + ": " + e.getMessage(), e);
        }
    }

    <T extends DBusInterface> T remote(String path, Class<T> type) throws BleException {
        try {
            return connection.getRemoteObject(BLUEZ, path, type);
        } catch (DBusException e) {
            throw new BleException(path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Calls a method that returns nothing without blocking: the answer completes the future, an error reply fails it.
     * A blocking call would wait for D-Bus's own reply timeout (25 s), whatever the caller's deadline.
     */
    CompletableFuture<Void> callAsync(DBusInterface remote, String method) {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        try {
            connection.callWithCallback(remote, method, new CallbackHandler<Object>() {
                @Override
                public void handle(Object result) {
                    answer.complete(null);
                }

                @Override
                public void handleError(DBusExecutionException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    List<String> children(String path) {
        return new ArrayList<>(DbusHelper.findNodes(connection, path));
    }

    Runnable watchProperties(String path, String iface, Consumer<Map<String, Variant<?>>> listener) {
        PropertyWatch watch = new PropertyWatch(path, iface, listener);
        propertyWatches.add(watch);
        return () -> propertyWatches.remove(watch);
    }

    /** The listener gets the removed path when {@code path} or one of its parents (the adapter) is removed. */
    Runnable watchRemoval(String path, Consumer<String> listener) {
        RemovalWatch watch = new RemovalWatch(path, listener);
        removalWatches.add(watch);
        return () -> removalWatches.remove(watch);
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
