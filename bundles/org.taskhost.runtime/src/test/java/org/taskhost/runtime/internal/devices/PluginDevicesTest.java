package org.taskhost.runtime.internal.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.taskhost.api.device.Device;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceHealth;
import org.taskhost.api.device.DeviceStatus;
import org.taskhost.api.device.Devices;
import org.taskhost.api.device.DiscoveredDevice;
import org.taskhost.api.device.ListenerHandle;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointListener;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.pv.PvSpec;
import org.taskhost.api.pv.PvType;

class PluginDevicesTest {

    /** A devices service with one device, ahu1, whose listeners can be told of changes. */
    static final class FakeDevices implements Devices {
        final Map<PointRef, PointListener> listeners = new ConcurrentHashMap<>();
        final DeviceConfig ahu1 = new DeviceConfig("ahu1", "virtual", "", Duration.ofSeconds(1), true, Duration.ofSeconds(1), 0,
                Map.of(), List.of(new Point("t", "ramp", PointType.FLOAT, "degC", false, null, false, "", Map.of())), "");

        @Override
        public List<Device> devices() {
            return List.of(new Device(ahu1, DeviceHealth.initial(DeviceStatus.OK, "")));
        }

        @Override
        public Optional<Device> device(String id) {
            return devices().stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public PointValue value(PointRef point) {
            return PointValue.good(21.0);
        }

        @Override
        public CompletionStage<Map<String, PointValue>> readNow(String device) {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public CompletionStage<Void> write(PointRef point, Object value, Integer priority) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public ListenerHandle listen(PointRef point, PointListener listener) {
            listeners.put(point, listener);
            return () -> listeners.remove(point);
        }

        @Override
        public ListenerHandle listenDevice(String device, PointListener listener) {
            return listen(new PointRef(device, "*"), listener);
        }

        @Override
        public List<DiscoveredDevice> discover(String driver, Map<String, String> options, long timeoutMillis) {
            return List.of();
        }
    }

    private final DevicesHub hub = new DevicesHub();
    private final List<PluginDevices.Delivery> delivered = new ArrayList<>();
    private final PluginDevices devices = new PluginDevices(hub, delivered::add);
    private final PointRef t = new PointRef("ahu1", "t");

    @Test
    void withoutTheServiceCallsFailClearlyAndListenersWaitForIt() {
        assertThatThrownBy(() -> devices.value(t)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.taskhost.devices bundle is not running");
        devices.listen(t, (ref, v) -> { });
        FakeDevices service = new FakeDevices();
        hub.bind(() -> service);
        assertThat(service.listeners).containsKey(t);
        assertThat(devices.value(t).value()).isEqualTo(21.0);
    }

    @Test
    void changesAreHandedToThePluginsThreadAndListenersCloseWhenThePluginStops() {
        FakeDevices service = new FakeDevices();
        hub.bind(() -> service);
        PointListener mine = (ref, v) -> { };
        devices.listen(t, mine);
        service.listeners.get(t).changed(t, PointValue.good(3.0));
        assertThat(delivered).singleElement().satisfies(d -> {
            assertThat(d.listener()).isSameAs(mine);
            assertThat(d.value().value()).isEqualTo(3.0);
        });
        devices.close();
        assertThat(service.listeners).isEmpty();
        assertThatThrownBy(() -> devices.listen(t, mine)).hasMessageContaining("stopped");
    }

    @Test
    void aServiceThatComesBackGetsTheListenersAgain() {
        FakeDevices first = new FakeDevices();
        hub.bind(() -> first);
        ListenerHandle h = devices.listen(t, (ref, v) -> { });
        hub.bind(null);
        FakeDevices second = new FakeDevices();
        hub.bind(() -> second);
        assertThat(second.listeners).containsKey(t);
        h.close();
        assertThat(second.listeners).isEmpty();
        assertThat(devices.listeners()).isZero();
    }

    @Test
    void aPvShowsItsPointsUnitsWhenConfigYamlGivesNone() {
        hub.bind(FakeDevices::new);
        PvSpec mapped = PvSpec.builder("T", PvType.FLOAT).point(t).build();
        PvSpec own = PvSpec.builder("T", PvType.FLOAT).point(t).unit("K").build();
        assertThat(hub.withPointUnits(mapped).unit()).isEqualTo("degC");
        assertThat(hub.withPointUnits(own).unit()).isEqualTo("K");
        assertThat(new DevicesHub().withPointUnits(mapped).unit()).as("no service").isEmpty();
    }
}
