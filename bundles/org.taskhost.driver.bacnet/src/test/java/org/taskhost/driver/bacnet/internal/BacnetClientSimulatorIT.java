package org.taskhost.driver.bacnet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The client against simulated devices of an independent stack (node-bacnet), each on its own loopback port. */
class BacnetClientSimulatorIT {
    private static final BacnetClient.Timing TIMING = new BacnetClient.Timing(Duration.ofMillis(500), 2);
    private static final List<SimulatedDevice> DEVICES = new ArrayList<>();
    private static SimulatedDevice noRpm;
    private static SimulatedDevice garbage;
    private static BacnetClient client;
    private static int clientPort;

    @BeforeAll
    static void start() throws Exception {
        clientPort = SimulatedDevice.freeUdpPort();
        for (int i = 1; i <= 3; i++) {
            DEVICES.add(SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 1000 + i, clientPort));
        }
        noRpm = SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 1004, clientPort, "--no-rpm");
        garbage = SimulatedDevice.start(SimulatedDevice.freeUdpPort(), 1005, clientPort, "--garbage");
        client = new BacnetClient(new InetSocketAddress("127.0.0.1", clientPort));
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        for (SimulatedDevice d : DEVICES) {
            d.close();
        }
        if (noRpm != null) {
            noRpm.close();
        }
        if (garbage != null) {
            garbage.close();
        }
    }

    @Test
    void discoversTheThreeDevicesWithTheirVendor() throws Exception {
        List<InetSocketAddress> targets = DEVICES.stream().map(SimulatedDevice::address).toList();
        List<IAm> found = client.discover(targets, Duration.ofMillis(1500), null, null);
        assertThat(found).extracting(IAm::instance).containsExactly(1001, 1002, 1003);
        assertThat(found).extracting(IAm::vendorId).containsOnly(260);
        assertThat(found).extracting(IAm::address).containsExactlyElementsOf(targets);
    }

    @Test
    void reads60PointsByRpmWithTheSimulatorsValuesAndUnits() throws Exception {
        int read = 0;
        for (SimulatedDevice device : DEVICES) {
            JsonNode objects = device.objects().get("objects");
            List<PropertyRef> refs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = objects.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!name.startsWith("device")) {
                    names.add(name);
                    refs.add(PropertyRef.parse(name + "/present-value"));
                    if (!objects.get(name).get("units").isNull()) {
                        names.add(name + "/units");
                        refs.add(PropertyRef.parse(name + "/units"));
                    }
                }
            }
            List<PropertyResult> results = client.read(device.address(), refs, 16, TIMING);
            assertThat(client.usesReadPropertyMultiple(device.address())).isTrue();
            for (int i = 0; i < refs.size(); i++) {
                PropertyResult r = results.get(i);
                assertThat(r.error()).as(names.get(i)).isNull();
                JsonNode expected = objects.get(names.get(i).replace("/units", ""));
                if (names.get(i).endsWith("/units")) {
                    assertThat(((Enumerated) r.value()).value()).as(names.get(i)).isEqualTo(expected.get("units").asLong());
                } else {
                    read++;
                    assertThat(number(r.value())).as(names.get(i)).isEqualTo(expected.get("presentValue").get(0).asDouble());
                }
            }
        }
        assertThat(read).isEqualTo(60);
    }

    @Test
    void aPointTheDeviceDoesNotHaveIsBadWhileTheRestAreGood() throws Exception {
        List<PropertyRef> refs = List.of(PropertyRef.parse("AI:0"), PropertyRef.parse("AI:99"),
                PropertyRef.parse("BI:1/units"), PropertyRef.parse("AV:2"));
        List<PropertyResult> results = client.read(DEVICES.get(0).address(), refs, 16, TIMING);
        assertThat(results.get(0).value()).isEqualTo(100.6);
        assertThat(results.get(1).error()).isEqualTo("object: unknown-object");
        assertThat(results.get(2).error()).isEqualTo("property: unknown-property");
        assertThat(results.get(3).value()).isEqualTo(102.0);
    }

    @Test
    void fallsBackToReadPropertyForADeviceThatRejectsRpm() throws Exception {
        List<PropertyRef> refs = List.of(PropertyRef.parse("AI:1"), PropertyRef.parse("AI:1/units"),
                PropertyRef.parse("BV:0"), PropertyRef.parse("MSI:0"), PropertyRef.parse("AO:7"));
        List<PropertyResult> results = client.read(noRpm.address(), refs, 16, TIMING);
        assertThat(client.usesReadPropertyMultiple(noRpm.address())).isFalse();
        assertThat(results).extracting(PropertyResult::value)
                .containsExactly(101.9, new Enumerated(98, "percent"), new Enumerated(1, "active"), 2L, null);
        assertThat(results.get(4).error()).isEqualTo("object: unknown-object");
    }

    @Test
    void indexZeroReadsAnArraysLengthByRpmAndByReadProperty() throws Exception {
        List<PropertyRef> refs = List.of(PropertyRef.parse("AO:0/priority-array[0]"), PropertyRef.parse("MSI:0/state-text[0]"),
                PropertyRef.parse("MSI:0/state-text[2]"), PropertyRef.parse("MSI:0/state-text[4]"));
        for (SimulatedDevice device : List.of(DEVICES.get(0), noRpm)) {
            List<PropertyResult> results = client.read(device.address(), refs, 16, TIMING);
            assertThat(results).extracting(PropertyResult::value).as("on port %d", device.port).containsExactly(16L, 3L, "low", null);
            assertThat(results.get(3).error()).isEqualTo("property: invalid-array-index");
        }
        assertThat(client.usesReadPropertyMultiple(DEVICES.get(0).address())).isTrue();
    }

    @Test
    void writesWithPriority8ThenRelinquishes() throws Exception {
        SimulatedDevice device = DEVICES.get(1);
        PropertyRef ao = PropertyRef.parse("analog-output:1");
        client.writeProperty(device.address(), ao, 55.5, 8, TIMING);
        JsonNode written = device.objects().get("objects").get("analog-output:1");
        assertThat(written.get("priorityArray").get(7).asDouble()).isEqualTo(55.5);
        assertThat(written.get("presentValue").get(0).asDouble()).isEqualTo(55.5);
        assertThat(client.read(device.address(), List.of(PropertyRef.parse("AO:1/priority-array[8]")), 16, TIMING)
                .get(0).value()).isEqualTo(55.5);

        client.writeProperty(device.address(), ao, null, 8, TIMING);
        JsonNode relinquished = device.objects().get("objects").get("analog-output:1");
        assertThat(relinquished.get("priorityArray").get(7).isNull()).isTrue();
        assertThat(relinquished.get("presentValue").get(0).asDouble()).isEqualTo(10.0);
    }

    @Test
    void aRefusedWriteSaysWhy() {
        assertThatThrownBy(() -> client.writeProperty(DEVICES.get(1).address(), PropertyRef.parse("AI:0/units"), 3, 8, TIMING))
                .isInstanceOf(BacnetException.class).hasMessageContaining("refused WriteProperty analog-input:0/units")
                .hasMessageContaining("write-access-denied");
        assertThatThrownBy(() -> client.writeProperty(DEVICES.get(1).address(), PropertyRef.parse("BO:0"), "maybe", 8, TIMING))
                .hasMessageContaining("value 'maybe' for binary-output:0 is not binary");
        assertThatThrownBy(() -> client.writeProperty(DEVICES.get(1).address(), PropertyRef.parse("AO:0"), 1.0, 17, TIMING))
                .hasMessageContaining("priority 17 is out of range 1..16");
    }

    @Test
    void aValueBeyondARealIsRefusedBeforeItReachesTheDevice() throws Exception {
        SimulatedDevice device = DEVICES.get(1);
        assertThatThrownBy(() -> client.writeProperty(device.address(), PropertyRef.parse("AV:0"), 1e39, 8, TIMING))
                .isInstanceOf(BacnetException.class).hasMessageContaining("out of the range of a BACnet REAL");
        JsonNode av0 = device.objects().get("objects").get("analog-value:0");
        assertThat(av0.get("priorityArray").get(7).isNull()).as("nothing written at priority 8").isTrue();
        assertThat(av0.get("presentValue").get(0).asDouble()).isEqualTo(100.0);
    }

    @Test
    void covNotificationsArrive() throws Exception {
        SimulatedDevice device = DEVICES.get(2);
        List<CovNotification> received = new CopyOnWriteArrayList<>();
        client.onCov(received::add);
        ObjectId av = ObjectId.parse("analog-value:0");
        client.subscribeCov(device.address(), av, 77, 60, TIMING);
        device.set("analog-value:0", 42.25);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        java.util.function.Predicate<CovNotification> newValue = n -> Double.valueOf(42.25).equals(n.values().get(PropertyRef.PRESENT_VALUE));
        while (received.stream().noneMatch(newValue) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).as("a notification of the new value within 5 s").anyMatch(newValue);
        CovNotification notified = received.stream().filter(newValue).findFirst().orElseThrow();
        assertThat(notified.values()).containsEntry(PropertyRef.PRESENT_VALUE, 42.25);
        assertThat(notified).extracting(CovNotification::processId, CovNotification::deviceInstance, CovNotification::object)
                .containsExactly(77L, 1003, av);
        assertThat(device.objects().get("subscriptions").asInt()).isEqualTo(1);
        client.cancelCov(device.address(), av, 77, TIMING);
        assertThat(device.objects().get("subscriptions").asInt()).isZero();
    }

    @Test
    void aKilledDeviceTimesOutWhileOthersAnswerAndRecoversAfterRestart() throws Exception {
        SimulatedDevice victim = DEVICES.get(2);
        List<PropertyRef> refs = List.of(PropertyRef.parse("AI:0"), PropertyRef.parse("AI:1"));
        victim.kill();
        try {
            assertThatThrownBy(() -> client.read(victim.address(), refs, 16, TIMING))
                    .isInstanceOf(BacnetTimeoutException.class)
                    .hasMessageContaining("no answer from device /127.0.0.1:" + victim.port + " to ReadPropertyMultiple of 2 properties after 2 tries of 500 ms");
            assertThat(client.read(DEVICES.get(0).address(), refs, 16, TIMING)).allMatch(PropertyResult::isOk);
        } finally {
            victim.start();
        }
        assertThat(client.read(victim.address(), refs, 16, TIMING)).extracting(PropertyResult::value)
                .containsExactly(100.8, 101.8);
    }

    @Test
    void aDeviceAnsweringGarbageGetsAClearError() {
        assertThatThrownBy(() -> client.read(garbage.address(), List.of(PropertyRef.parse("AI:0")), 16, TIMING))
                .isInstanceOf(BacnetException.class)
                .hasMessageContaining("device /127.0.0.1:" + garbage.port + " answered with undecodable frame 810a0009010030ffee");
    }

    @Test
    void anUnreachableAddressGetsAClearError() {
        assertThatThrownBy(() -> client.read(InetSocketAddress.createUnresolved("no-such-host.invalid", 47808),
                List.of(PropertyRef.parse("AI:0")), 16, TIMING))
                .hasMessageContaining("device address no-such-host.invalid cannot be resolved");
    }

    private static double number(Object value) {
        if (value instanceof Enumerated e) {
            return e.value();
        }
        return ((Number) value).doubleValue();
    }

}
