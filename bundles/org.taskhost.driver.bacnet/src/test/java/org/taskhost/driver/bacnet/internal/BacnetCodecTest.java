package org.taskhost.driver.bacnet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** Addresses, frames and the client's handling of answers it cannot take, with a fake device on a UDP socket. */
class BacnetCodecTest {
    private static final InetSocketAddress SELF = new InetSocketAddress("127.0.0.1", 1);

    @Test
    void parsesPointAddressesInBothSyntaxes() {
        assertThat(PointAddress.parse("AI:3")).hasToString("analog-input:3/present-value");
        assertThat(PointAddress.parse("analog-output,1,priority-array")).hasToString("analog-output:1/priority-array");
        assertThat(PointAddress.parse("ao:1/priority-array[8]").arrayIndex()).isEqualTo(8);
        assertThat(PointAddress.parse("8:1001/77")).hasToString("device:1001/object-name");
        assertThatThrownBy(() -> PointAddress.parse("AI")).hasMessageContaining("is not <type>:<instance>");
        assertThatThrownBy(() -> PointAddress.parse("AI:x")).hasMessageContaining("instance 'x' of object 'AI:x' is not a number");
        assertThatThrownBy(() -> PointAddress.parse("AI:1/units[")).hasMessageContaining("is not closed");
    }

    @Test
    void encodesARequestTheDecoderReadsBack() {
        byte[] rpm = BacnetFrames.readPropertyMultiple(7, List.of(PropertyRef.parse("AI:0"), PropertyRef.parse("AI:0/units")));
        assertThat(HexFormat.of().formatHex(rpm)).isEqualTo("810a001501040005070e0c000000001e095509751f");
        byte[] ack = HexFormat.of().parseHex("810a001f010030010e0c000000001e29554e443f6666664f29754e913e4f1f");
        Incoming decoded = BacnetDecoder.decode(ack, ack.length, SELF);
        assertThat(decoded).isInstanceOf(Incoming.ReadAck.class);
        assertThat(((Incoming.ReadAck) decoded).results()).extracting(PropertyResult::value)
                .containsExactly(0.9, new Enumerated(62, "degrees-celsius"));
    }

    /** RPM acks of node-bacnet (present values of every kind, units, names, per-property errors), captured. */
    private static final String VALUES = "810a00cc010030010e0c000000001e29554e443f6666664f29754e913e4f1f0c000000011e29554e443ff333334f29754e91"
            + "624f1f0c004000001e29554e44000000004f29754e91304f1f0c004000011e29554e44412000004f1f0c008000001e29554e"
            + "4442c800004f1f0c008000011e29554e4442ca00004f1f0c008000021e29554e4442cc00004f1f0c00c000001e29554e9100"
            + "4f1f0c00c000011e29554e91014f1f0c010000001e29554e91004f1f0c014000001e29554e91014f1f0c034000001e29554e"
            + "21024f1f";
    private static final String ERRORS = "810a005a010030010e0c000000631e29555e9101911f5f1f0c00c000011e29755e910291205f1f0c000000021e29554e4440"
            + "39999a4f1f0c020000041e294d4e75060073696d2d344f1f0c000000031e294d4e74004149334f1f";
    private static final String OTHER = "810a0041010030010e0c004000001e29574e000000000000000000000000000000004f1f0c000000001e29785e910291205f"
            + "1f0c020000041e29784e2201044f1f";

    @Test
    void theFastPathDecodesRpmAcksExactlyAsPlc4xDoes() {
        for (String hex : new String[] {VALUES, ERRORS}) {
            byte[] frame = HexFormat.of().parseHex(hex);
            Incoming.ReadAck fast = RpmAckReader.read(frame, frame.length);
            assertThat(fast).as("taken by the fast path").isNotNull();
            assertThat(fast).isEqualTo(BacnetDecoder.decodeWithPlc4x(frame, frame.length, SELF));
        }
        byte[] values = HexFormat.of().parseHex(VALUES);
        assertThat(RpmAckReader.read(values, values.length).results()).extracting(PropertyResult::value).startsWith(
                0.9, new Enumerated(62, "degrees-celsius"), 1.9, new Enumerated(98, "percent"), 0.0, new Enumerated(48, "kilowatts"));
        byte[] errors = HexFormat.of().parseHex(ERRORS);
        assertThat(RpmAckReader.read(errors, errors.length).results()).extracting(PropertyResult::error)
                .startsWith("object: unknown-object", "property: unknown-property", null);
        byte[] other = HexFormat.of().parseHex(OTHER);
        assertThat(RpmAckReader.read(other, other.length)).as("a priority array and a vendor id go to PLC4X").isNull();
        assertThat(BacnetDecoder.decode(other, other.length, SELF)).isInstanceOf(Incoming.ReadAck.class);
    }

    @Test
    void garbageIsNamedNotThrown() {
        byte[] noise = {1, 2, 3, 4, 5};
        assertThat(BacnetDecoder.decode(noise, noise.length, SELF)).isEqualTo(
                new Incoming.Garbage("not a BACnet/IP frame (5 bytes starting 0102030405)"));
    }

    @Test
    void aSegmentedAnswerIsRefusedWithAnAbortAndAClearError() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                BacnetClient client = new BacnetClient(new InetSocketAddress("127.0.0.1", 0))) {
            CompletableFuture<byte[]> abort = new CompletableFuture<>();
            Thread device = new Thread(() -> {
                try {
                    DatagramPacket request = new DatagramPacket(new byte[1500], 1500);
                    fake.receive(request);
                    int invokeId = request.getData()[6 + 2] & 0xff;
                    byte[] segment = HexFormat.of().parseHex("810a000e01003c" + String.format("%02x", invokeId) + "00040e0c0000");
                    fake.send(new DatagramPacket(segment, segment.length, request.getSocketAddress()));
                    DatagramPacket answer = new DatagramPacket(new byte[1500], 1500);
                    fake.receive(answer);
                    abort.complete(java.util.Arrays.copyOf(answer.getData(), answer.getLength()));
                } catch (Exception e) {
                    abort.completeExceptionally(e);
                }
            });
            device.start();
            InetSocketAddress address = (InetSocketAddress) fake.getLocalSocketAddress();
            assertThatThrownBy(() -> client.read(address, List.of(PropertyRef.parse("AI:0")), 20,
                    new BacnetClient.Timing(Duration.ofSeconds(2), 1)))
                    .isInstanceOf(BacnetException.class).hasMessageContaining("sent a segmented answer")
                    .hasMessageContaining("lower max_per_request");
            assertThat(HexFormat.of().formatHex(abort.get(10, java.util.concurrent.TimeUnit.SECONDS)).substring(12, 14)).as("an Abort PDU").isEqualTo("70");
        }
    }
}
