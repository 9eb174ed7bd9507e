package org.taskhost.driver.ble.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.taskhost.driver.ble.internal.BlueZMock.ADDRESS;
import static org.taskhost.driver.ble.internal.BlueZMock.STREAM;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskhost.api.device.DeviceConfig;
import org.taskhost.api.device.DriverSession;
import org.taskhost.api.device.Point;

/**
 * Connecting and reconnecting against the BlueZ mock made to answer Connect late or with an error, and to take the
 * device out of range while keeping its objects and the client's notify sessions, as BlueZ with its GATT cache does.
 * A mock of its own: those behaviours and the sessions it keeps must not reach the other tests.
 */
class BleReconnectMockIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    static Path dir;
    static BlueZMock mock;
    static BleDriver driver;

    @BeforeAll
    static void startMock() throws Exception {
        mock = BlueZMock.start(BlueZMock.harness(), dir.resolve("bus"));
        driver = new BleDriver(mock.busAddress(), "", Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopMock() throws Exception {
        driver.close();
        mock.close();
    }

    @AfterEach
    void inRangeAndAnswering() throws Exception {
        mock.command("comeback");
        mock.command("restore");
        mock.command("connect-fail off");
    }

    static DeviceConfig device(String id, Duration timeout) {
        return new DeviceConfig(id, "ble", ADDRESS, Duration.ofSeconds(1), true, timeout, 0, Map.of(),
                List.of(BleDriverMockIT.COUNT), "");
    }

    /** Connect and Disconnect calls the mock has had, and whether the device is connected. */
    record Calls(int connects, int disconnects, boolean connected) {
        static Calls now() throws Exception {
            String[] words = mock.command("calls").split(" ");
            return new Calls(Integer.parseInt(words[0]), Integer.parseInt(words[1]), Boolean.parseBoolean(words[2]));
        }
    }

    @Test
    void aConnectThatDoesNotCompleteEndsAtTheDevicesTimeoutAndIsCancelled() throws Exception {
        mock.command("connect-delay 10");
        Calls before = Calls.now();
        long started = System.nanoTime();
        Throwable failed = catchThrowable(() -> driver.open(device("late", Duration.ofMillis(500)), new RecordingSink()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failed).isInstanceOf(BleException.class)
                .hasMessageStartingWith("connect to " + ADDRESS + " did not complete within 500 ms")
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(took).as("bounded by the timeout, not by the mock's 10 s nor D-Bus's 25 s").isLessThan(Duration.ofSeconds(3));
        Calls after = Calls.now();
        assertThat(after.connects()).isEqualTo(before.connects() + 1);
        assertThat(after.disconnects()).as("the pending Connect cancelled").isEqualTo(before.disconnects() + 1);
        assertThat(after.connected()).isFalse();

        mock.command("connect-delay 0");
        DriverSession session = openUntilConnected(device("late", Duration.ofMillis(500)), new RecordingSink());
        session.close();
    }

    @Test
    void aConnectThatFailedOrNeverStartedSendsNoDisconnect() throws Exception {
        mock.command("connect-fail on");
        Calls before = Calls.now();
        Throwable refused = catchThrowable(() -> driver.open(device("refused", Duration.ofMillis(500)), new RecordingSink()));
        assertThat(refused).hasMessageContaining("connect to " + ADDRESS + " failed").hasMessageContaining("le-connection-abort-by-local");
        Calls afterRefusal = Calls.now();
        assertThat(afterRefusal.connects()).isEqualTo(before.connects() + 1);
        assertThat(afterRefusal.disconnects()).as("nothing to disconnect after a refused Connect").isEqualTo(before.disconnects());

        mock.command("connect-fail off");
        mock.command("goaway");
        Throwable notFound = catchThrowable(() -> driver.open(device("gone", Duration.ofMillis(300)), new RecordingSink()));
        assertThat(notFound).hasMessageContaining("device " + ADDRESS + " not found by hci0");
        assertThat(Calls.now()).as("no Connect, no Disconnect for a device that is not there").isEqualTo(afterRefusal);
    }

    /**
     * The device goes out of range and comes back eight times; each time it notifies as soon as its notifications are
     * enabled again, and that notification must reach the sink within 3 s of the reconnect.
     */
    @Test
    void theFirstNotificationAfterEachReconnectIsFollowed() throws Exception {
        RecordingSink sink = new RecordingSink();
        DeviceConfig config = device("comesback", Duration.ofSeconds(2));
        DriverSession session = openUntilConnected(config, sink);
        try {
            for (int i = 0; i < 8; i++) {
                int losses = sink.lost.size();
                mock.command("drop");
                await("loss " + i).atMost(WAIT).until(() -> sink.lost.size() > losses);
                // what the devices bundle does with a lost session before it opens a new one
                session.close();
                long counter = 7000 + i;
                mock.command("notify-on-enable " + STREAM + " " + counter);
                mock.command("restore");
                session = openUntilConnected(config, sink);
                await("notification " + counter + " after reconnect " + i).atMost(Duration.ofSeconds(3))
                        .until(() -> sink.of("count").stream().anyMatch(u -> Long.valueOf(counter).equals(u.value().value())));
            }
        } finally {
            session.close();
        }
    }

    /** Opens and follows the cov points, as the devices bundle does at each attempt, until it works. */
    static DriverSession openUntilConnected(DeviceConfig config, RecordingSink sink) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                DriverSession session = driver.open(config, sink);
                session.subscribe(config.points().stream().filter(Point::cov).toList());
                return session;
            } catch (BleException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not connected within " + WAIT, e);
                }
                Thread.sleep(20);
            }
        }
    }
}
