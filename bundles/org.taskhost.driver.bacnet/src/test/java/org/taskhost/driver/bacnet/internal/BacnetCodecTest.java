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
            assertThat(HexFormat.of().formatHex(abort.get()).substring(12, 14)).as("an Abort PDU").isEqualTo("70");
        }
    }
}
