package org.taskhost.devices.internal;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DeviceHealth;
import org.taskhost.api.device.DeviceStatus;
import org.taskhost.api.device.Point;
import org.taskhost.api.device.PointRef;
import org.taskhost.api.device.PointType;
import org.taskhost.api.device.PointValue;
import org.taskhost.api.device.Quality;

class DeviceRegistryTest {

    private final Dispatcher dispatcher = new Dispatcher(w -> { });
    private final PointCacheImpl cache = new PointCacheImpl(10, dispatcher);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, DeviceConfig> stored = new ConcurrentHashMap<>();
    private final DeviceRegistry registry = new DeviceRegistry(cache, new DeviceRegistry.Store() {
        @Override
        public void save(DeviceConfig c) {
            stored.put(c.id(), c);
        }

        @Override
        public void delete(String id) {
            stored.remove(id);
        }
    }, ticks, line -> { });
    private final DeviceAccess access = new DeviceAccess(registry, cache);
    private final FakeDriver fake = new FakeDriver();

    @AfterEach
    void close() {
        registry.close();
        fake.never.countDown();
        ticks.shutdownNow();
        dispatcher.close();
    }

    static DeviceConfig device(String id, String driver, String mode, Duration interval, Point... points) {
        return new DeviceConfig(id, driver, "10.0.0." + id.length(), interval, true, Duration.ofMillis(100), 0,
                Map.of("mode", mode), List.of(points), "");
    }

    private static DeviceConfig virtualDevice(Point... points) {
        return new DeviceConfig("v", "virtual", "", Duration.ofMillis(20), true, Duration.ofMillis(100), 0, Map.of(),
                List.of(points), "");
    }

    static Point point(String id, String address) {
        return new Point(id, address, PointType.FLOAT, "degC", true, null, false, "", Map.of());
    }

    private DeviceHealth health(String id) {
        return registry.device(id).orElseThrow().health();
    }

    @Test
    void aFailingAndAHangingDeviceAreMarkedWhileTheOthersKeepTheirRate() throws Exception {
        registry.driverAdded("fake", fake);
        Duration every = Duration.ofMillis(20);
        registry.create(device("good1", "fake", "good", every, point("t", "ai1")));
        registry.create(device("good2", "fake", "good", every, point("t", "ai1")));
        registry.create(device("failing", "fake", "fail", every, point("t", "ai1")));
        registry.create(device("hanging", "fake", "hang", every, point("t", "ai1")));

        await("the failing device is marked").atMost(Duration.ofSeconds(20))
                .until(() -> health("failing").errorCount() >= 3);
        await("the hanging device is marked").atMost(Duration.ofSeconds(20))
                .until(() -> health("hanging").status() == DeviceStatus.ERROR);
        int before1 = fake.reads("good1");
        int before2 = fake.reads("good2");
        await("the good devices poll 20 more times").atMost(Duration.ofSeconds(20))
                .until(() -> fake.reads("good1") >= before1 + 20 && fake.reads("good2") >= before2 + 20);

        assertThat(health("failing").status()).isEqualTo(DeviceStatus.ERROR);
        assertThat(health("failing").lastError()).contains("no answer from");
        assertThat(health("failing").lastOkAt()).isNull();
        assertThat(fake.opens("failing")).as("a new session after each failure").isGreaterThanOrEqualTo(3);
        assertThat(health("hanging").lastError()).contains("has not returned");
        assertThat(fake.reads("hanging")).as("a hung poll is not piled up").isEqualTo(1);
        for (String id : List.of("good1", "good2")) {
            assertThat(health(id).status()).isEqualTo(DeviceStatus.OK);
            assertThat(health(id).errorCount()).isZero();
            assertThat(cache.latest(new PointRef(id, "t"))).map(PointValue::value).contains(42.0);
        }
    }

    @Test
    void aDeviceThatStopsAnsweringKeepsItsValuesUncertainAndRecoversByItself() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("d", "fake", "good", Duration.ofMillis(20), point("t", "ai1")));
        PointRef t = new PointRef("d", "t");
        await("it polls").atMost(Duration.ofSeconds(20)).until(() -> cache.latest(t).isPresent());
        fake.down.add("d");
        await("it is marked").atMost(Duration.ofSeconds(20)).until(() -> health("d").status() == DeviceStatus.ERROR);
        await("its value is uncertain").atMost(Duration.ofSeconds(20))
                .until(() -> access.value(t).quality() == Quality.UNCERTAIN);
        assertThat(access.value(t).value()).as("the last value is kept").isEqualTo(42.0);
        assertThat(access.value(t).reason()).contains("did not answer");
        assertThat(health("d").lastError()).contains("did not answer");
        fake.down.remove("d");
        await("it recovers").atMost(Duration.ofSeconds(20))
                .until(() -> health("d").status() == DeviceStatus.OK && access.value(t).quality() == Quality.GOOD);
        assertThat(health("d").lastError()).as("the last error stays to be read").contains("did not answer");
    }

    @Test
    void aPointErrorIsBadQualityOnThatPointOnly() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("d", "fake", "good", Duration.ofMillis(20), point("ok", "ai1"), point("missing", "bad")));
        await("both points are read").atMost(Duration.ofSeconds(20)).until(() -> cache.latest("d").size() == 2);
        assertThat(access.value(new PointRef("d", "ok")).quality()).isEqualTo(Quality.GOOD);
        assertThat(access.value(new PointRef("d", "missing")).reason()).isEqualTo("unknown-object");
        assertThat(health("d").status()).isEqualTo(DeviceStatus.OK);
    }

    @Test
    void aDeviceWaitsForItsDriverAndStopsWhenItGoes() throws Exception {
        registry.create(device("d", "fake", "good", Duration.ofMillis(20), point("t", "ai1")));
        assertThat(health("d").status()).isEqualTo(DeviceStatus.NO_DRIVER);
        assertThat(health("d").message()).isEqualTo("no driver 'fake'");
        registry.driverAdded("fake", fake);
        await("it polls").atMost(Duration.ofSeconds(20)).until(() -> health("d").status() == DeviceStatus.OK);
        registry.driverRemoved("fake", fake);
        assertThat(health("d").status()).isEqualTo(DeviceStatus.NO_DRIVER);
        int reads = fake.reads("d");
        Thread.sleep(100);
        assertThat(fake.reads("d")).as("no polls without the driver").isLessThanOrEqualTo(reads + 1);
    }

    @Test
    void aKeptDefinitionThatItsDriverRefusesIsMarkedWithTheFieldAndNotPolled() throws Exception {
        VirtualDriver virtual = new VirtualDriver();
        // as Config Admin gives it at a start: not through create(), so nothing checked it yet
        registry.apply(virtualDevice(point("ok", "hold"), point("bad", "bogus")));
        assertThat(health("v").status()).isEqualTo(DeviceStatus.NO_DRIVER);
        registry.driverAdded("virtual", virtual);
        assertThat(health("v").status()).isEqualTo(DeviceStatus.ERROR);
        assertThat(health("v").message()).contains("points[1].address", "'bogus' is not a virtual point address");
        assertThat(registry.loop("v").orElseThrow().running()).isFalse();
        assertThatThrownBy(() -> access.readNow("v").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasMessageContaining("invalid definition");
        assertThat(cache.latest("v")).as("nothing polled").isEmpty();

        registry.update(virtualDevice(point("ok", "hold")));
        await("the corrected device polls").atMost(Duration.ofSeconds(20))
                .until(() -> health("v").status() == DeviceStatus.OK);
    }

    @Test
    void aSessionLostLongBeforeTheNextPollIsOpenedAgainWithinASecondOrSo() throws Exception {
        registry.driverAdded("fake", fake);
        assertThat(Stagger.phase("slow", Duration.ofHours(1))).as("its first poll is far off").isGreaterThan(Duration.ofMinutes(1));
        registry.create(device("slow", "fake", "good", Duration.ofHours(1), point("t", "ai1")));
        access.readNow("slow").toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(fake.opens("slow")).isEqualTo(1);
        long polls = health("slow").pollCount();

        fake.sinks.get("slow").lost("gone");
        await("a new session without a poll").atMost(Duration.ofSeconds(20)).until(() -> fake.opens("slow") == 2);
        assertThat(health("slow").pollCount()).as("reopened, not polled").isEqualTo(polls);
        assertThat(fake.reads("slow")).as("only the read asked for").isEqualTo(1);
    }

    @Test
    void eachFailedReopenBetweenPollsCountsInTheHealth() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("slow", "fake", "good", Duration.ofHours(1), point("t", "ai1")));
        access.readNow("slow").toCompletableFuture().get(5, TimeUnit.SECONDS);
        long polls = health("slow").pollCount();

        fake.away.add("slow");
        fake.sinks.get("slow").lost("disconnected");
        assertThat(health("slow").errorCount()).isEqualTo(1);
        await("two reopens failed").atMost(Duration.ofSeconds(20)).until(() -> fake.opens("slow") >= 3);
        await("both counted").atMost(Duration.ofSeconds(20)).until(() -> health("slow").errorCount() >= 3);
        assertThat(health("slow").lastError()).isEqualTo("device 10.0.0.4 not found");
        assertThat(health("slow").status()).isEqualTo(DeviceStatus.ERROR);
        assertThat(health("slow").pollCount()).as("reopens are no polls").isEqualTo(polls);
    }

    @Test
    void changingOneDeviceRestartsOnlyThatDevice() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("a", "fake", "good", Duration.ofMillis(20), point("t", "ai1")));
        registry.create(device("b", "fake", "good", Duration.ofMillis(20), point("t", "ai1")));
        await("both poll").atMost(Duration.ofSeconds(20)).until(() -> fake.reads("a") > 0 && fake.reads("b") > 0);
        registry.update(device("a", "fake", "good", Duration.ofMillis(30), point("t", "ai1"), point("u", "ai2")));
        await("a has its new point").atMost(Duration.ofSeconds(20)).until(() -> cache.latest("a").containsKey("u"));
        assertThat(fake.opens("a")).isEqualTo(2);
        assertThat(fake.opens("b")).isEqualTo(1);
        registry.update(device("a", "fake", "good", Duration.ofMillis(30), point("t", "ai1"), point("u", "ai2")));
        assertThat(fake.opens("a")).as("the same definition again changes nothing").isEqualTo(2);
        assertThat(stored).containsOnlyKeys("a", "b");
    }

    @Test
    void writesGoThroughTheSessionWithThePriorityAndAreCheckedFirst() throws Exception {
        registry.driverAdded("fake", fake);
        Point fixed = new Point("sp", "av1", PointType.FLOAT, "", true, 8, false, "", Map.of());
        Point ro = new Point("ro", "ai1", PointType.FLOAT, "", false, null, false, "", Map.of());
        registry.create(device("d", "fake", "good", Duration.ofSeconds(1), fixed, ro));
        access.write(new PointRef("d", "sp"), "21.5", null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        access.write(new PointRef("d", "sp"), null, 3).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(fake.writes).containsEntry("d/sp", "null@3");
        access.write(new PointRef("d", "sp"), 22, null).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(fake.writes).containsEntry("d/sp", "22.0@8");
        assertThatThrownBy(() -> access.write(new PointRef("d", "ro"), 1, null)).hasMessageContaining("not writable");
        assertThatThrownBy(() -> access.write(new PointRef("d", "sp"), "warm", null)).hasMessageContaining("not a number");
        assertThatThrownBy(() -> access.write(new PointRef("d", "sp"), 1, 17)).hasMessageContaining("1-16");
        assertThatThrownBy(() -> access.write(new PointRef("d", "nope"), 1, null)).hasMessageContaining("no point 'nope'");
    }

    @Test
    void aWriteTheDeviceDidNotAnswerIsToldFromARefusalByItsType() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("d", "fake", "good", Duration.ofSeconds(1), point("silent", "silent"), point("refusing", "refusing")));
        Throwable silent = catchThrowable(() -> access.write(new PointRef("d", "silent"), 1, null).toCompletableFuture().get(5, TimeUnit.SECONDS));
        Throwable refused = catchThrowable(() -> access.write(new PointRef("d", "refusing"), 1, null).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertThat(silent).isInstanceOf(ExecutionException.class);
        assertThat(refused).isInstanceOf(ExecutionException.class);
        assertThat(NoAnswer.in(silent.getCause())).as("a timeout below the devices bundle's own wrapping").isTrue();
        assertThat(NoAnswer.in(refused.getCause())).as("a message that says timeout is not one").isFalse();
    }

    @Test
    void theVirtualDriverHoldsWritesByPriorityAndRelinquishes() throws Exception {
        registry.driverAdded("virtual", new VirtualDriver());
        Point sp = new Point("sp", "hold", PointType.FLOAT, "degC", true, null, false, "", Map.of("initial", "20"));
        registry.create(new DeviceConfig("v", "virtual", "", Duration.ofSeconds(1), true, Duration.ofSeconds(1), 0, Map.of(),
                List.of(sp), ""));
        PointRef ref = new PointRef("v", "sp");
        access.write(ref, 25, 8).toCompletableFuture().get(5, TimeUnit.SECONDS);
        access.write(ref, 30, 12).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(access.value(ref).value()).as("priority 8 wins over 12").isEqualTo(25.0);
        access.write(ref, null, 8).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(access.value(ref).value()).isEqualTo(30.0);
        access.write(ref, null, 12).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(access.value(ref).value()).as("the relinquish default").isEqualTo(20.0);
    }

    @Test
    void aDisabledDeviceIsNotPolledAndDeletingForgetsItsValues() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("d", "fake", "good", Duration.ofMillis(20), point("t", "ai1")));
        await("it polls").atMost(Duration.ofSeconds(20)).until(() -> cache.latest(new PointRef("d", "t")).isPresent());
        registry.setEnabled("d", false);
        assertThat(health("d").status()).isEqualTo(DeviceStatus.DISABLED);
        assertThat(stored.get("d").enabled()).isFalse();
        registry.delete("d");
        assertThat(registry.device("d")).isEmpty();
        assertThat(cache.latest("d")).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void aSessionLostBetweenCallsIsReopened() throws Exception {
        registry.driverAdded("fake", fake);
        registry.create(device("d", "fake", "good", Duration.ofMillis(20), point("t", "ai1")));
        await("it polls").atMost(Duration.ofSeconds(20)).until(() -> health("d").status() == DeviceStatus.OK);
        long polls = health("d").pollCount();
        fake.sinks.get("d").lost("disconnected");
        assertThat(health("d").lastError()).isEqualTo("disconnected");
        assertThat(health("d").errorCount()).isEqualTo(1);
        assertThat(health("d").pollCount()).as("a loss between polls is no poll").isBetween(polls, polls + 1);
        await("a new session").atMost(Duration.ofSeconds(20))
                .until(() -> fake.opens("d") == 2 && health("d").status() == DeviceStatus.OK);
    }
}
