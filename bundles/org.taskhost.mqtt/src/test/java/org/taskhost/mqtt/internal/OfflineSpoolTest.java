package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskhost.mqtt.internal.OfflineSpool.Entry;

class OfflineSpoolTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static Entry entry(String topic, String payload) {
        return new Entry(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true, new CompletableFuture<>());
    }

    private static List<String> payloads(List<Entry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void keepsOrderAndDropsTheOldestBeyondTheBoundCountingThem() {
        OfflineSpool spool = new OfflineSpool(dir.resolve("mqtt/spool.bin"), 3, warnings::add);
        Entry first = entry("t", "1");
        spool.add(first);
        for (int i = 2; i <= 5; i++) {
            spool.add(entry("t", String.valueOf(i)));
        }
        assertThat(payloads(spool.head(10))).containsExactly("3", "4", "5");
        assertThat(spool.dropped()).isEqualTo(2);
        assertThat(first.done()).isCompletedExceptionally();
    }

    @Test
    void aFloodOfOtherTopicsKeepsEachTopicsLastRetainedMessage() {
        OfflineSpool spool = new OfflineSpool(dir.resolve("spool.bin"), 10, warnings::add);
        spool.add(entry("plugins/a/state", "a-last"));
        for (int i = 0; i < 50; i++) {
            spool.add(entry("plugins/b/state", "b" + i));
        }
        assertThat(payloads(spool.head(20))).containsExactly("a-last", "b41", "b42", "b43", "b44", "b45", "b46", "b47", "b48", "b49");
        assertThat(spool.dropped()).isEqualTo(41);
        Entry notRetained = new Entry("replies", "r".getBytes(StandardCharsets.UTF_8), 1, false, null);
        OfflineSpool plain = new OfflineSpool(dir.resolve("plain.bin"), 2, warnings::add);
        plain.add(notRetained);
        plain.add(entry("x", "1"));
        plain.add(entry("y", "2"));
        assertThat(payloads(plain.head(5))).as("nothing superseded: the oldest goes").containsExactly("1", "2");
    }

    @Test
    void aRestartReadsBackWhatWasNotDelivered() {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 100, warnings::add);
        for (int i = 1; i <= 5; i++) {
            spool.add(entry("a/" + i, "v" + i));
        }
        spool.delivered(spool.head(2));
        spool.close();
        OfflineSpool again = new OfflineSpool(file, 100, warnings::add);
        // delivered messages are still in the file until it is emptied: at least once, in order
        assertThat(payloads(again.head(10))).endsWith("v3", "v4", "v5");
        assertThat(again.head(10).get(0).retained()).isTrue();
        again.delivered(again.head(10));
        again.close();
        assertThat(new OfflineSpool(file, 100, warnings::add).isEmpty()).isTrue();
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws Exception {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 100, warnings::add);
        spool.add(entry("a", "whole"));
        spool.add(entry("b", "cut"));
        spool.close();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        assertThat(payloads(new OfflineSpool(file, 100, warnings::add).head(10))).containsExactly("whole");
    }

    @Test
    void aSmallerBoundAtRestartKeepsTheNewest() {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 10, warnings::add);
        for (int i = 1; i <= 6; i++) {
            spool.add(entry("t", String.valueOf(i)));
        }
        spool.close();
        OfflineSpool smaller = new OfflineSpool(file, 2, warnings::add);
        assertThat(payloads(smaller.head(10))).containsExactly("5", "6");
        assertThat(smaller.dropped()).isEqualTo(4);
    }

    @Test
    void aWriteThatFailsIsCountedToldOnceAndTheMessagesStayInMemory() throws Exception {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 2, warnings::add);
        spool.add(entry("t", "1"));
        // a directory where the rewrite puts its temporary file: the file cannot be written again (root ignores modes)
        Files.createDirectory(dir.resolve("spool.bin.tmp"));
        for (int i = 2; i <= 5; i++) {
            spool.add(entry("t", String.valueOf(i)));
        }
        spool.add(entry("t", "6"));
        assertThat(spool.writeFailures()).as("the rewrite after 5 records, then the message after it").isEqualTo(2);
        assertThat(spool.lastWriteError()).contains("cannot write to " + file, "spool.bin.tmp");
        assertThat(warnings).as("told at the first failure only").singleElement().asString()
                .contains("MQTT offline buffer", "spool.bin.tmp", "1 failed writes so far", "kept in memory");
        assertThat(payloads(spool.head(10))).containsExactly("5", "6");

        // the way is clear again: emptying the file after a delivery works, and says so
        Files.delete(dir.resolve("spool.bin.tmp"));
        spool.delivered(spool.head(10));
        assertThat(warnings).hasSize(2).last().asString().contains(file + " written again after 2 failed writes");
        spool.add(entry("t", "7"));
        spool.close();
        assertThat(payloads(new OfflineSpool(file, 2, warnings::add).head(10))).containsExactly("7");
        assertThat(spool.writeFailures()).as("a count of what happened, not reset").isEqualTo(2);
    }

    @Test
    void theFileStartsWithItsFormatVersion() throws Exception {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 10, warnings::add);
        spool.add(entry("a", "x"));
        spool.close();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            assertThat(new String(in.readNBytes(21), StandardCharsets.US_ASCII)).isEqualTo("\0\0taskhost-mqtt-spool");
            assertThat(in.readInt()).isEqualTo(SpoolFile.VERSION).isEqualTo(1);
            assertThat(in.readUTF()).isEqualTo("a");
        }
    }

    @Test
    void aFileOfAnUnknownVersionIsRefusedByNameAndSetAsideUnread() throws Exception {
        Path file = dir.resolve("spool.bin");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.write("\0\0taskhost-mqtt-spool".getBytes(StandardCharsets.US_ASCII));
            d.writeInt(7);
            // a record as version 1 would write it: version 7 may mean something else by it
            d.writeUTF("plugins/a/state");
            d.writeByte(1);
            d.writeBoolean(true);
            d.writeInt(1);
            d.write('x');
        }
        Files.write(file, bytes.toByteArray());
        OfflineSpool spool = new OfflineSpool(file, 10, warnings::add);
        assertThat(spool.isEmpty()).isTrue();
        Path aside = dir.resolve("spool.bin.version-7");
        assertThat(aside).hasBinaryContent(bytes.toByteArray());
        assertThat(warnings).singleElement().asString().contains(file + " is an MQTT offline buffer of format version 7",
                "this taskhost reads version 1", "moved aside to " + aside);
        assertThat(spool.lastWriteError()).contains("format version 7");
        spool.add(entry("b", "new"));
        spool.close();
        assertThat(payloads(new OfflineSpool(file, 10, warnings::add).head(10))).as("the new file is this version's").containsExactly("new");
    }

    @Test
    void aFileWithoutHeaderIsVersion0AndReadBack() throws Exception {
        Path file = dir.resolve("spool.bin");
        try (DataOutputStream d = new DataOutputStream(Files.newOutputStream(file))) {
            for (String v : List.of("old1", "old2")) {
                d.writeUTF("plugins/a/state");
                d.writeByte(1);
                d.writeBoolean(true);
                d.writeInt(v.length());
                d.write(v.getBytes(StandardCharsets.UTF_8));
            }
        }
        OfflineSpool spool = new OfflineSpool(file, 10, warnings::add);
        assertThat(payloads(spool.head(10))).containsExactly("old1", "old2");
        assertThat(warnings).isEmpty();
        spool.close();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            assertThat(in.readNBytes(21)).as("written again as version 1").startsWith(0, 0, 't');
        }
    }
}
