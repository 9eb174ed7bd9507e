package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskhost.mqtt.internal.OfflineSpool.Entry;

class OfflineSpoolTest {

    @TempDir
    Path dir;

    private static Entry entry(String topic, String payload) {
        return new Entry(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true, new CompletableFuture<>());
    }

    private static List<String> payloads(List<Entry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void keepsOrderAndDropsTheOldestBeyondTheBoundCountingThem() {
        OfflineSpool spool = new OfflineSpool(dir.resolve("mqtt/spool.bin"), 3);
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
        OfflineSpool spool = new OfflineSpool(dir.resolve("spool.bin"), 10);
        spool.add(entry("plugins/a/state", "a-last"));
        for (int i = 0; i < 50; i++) {
            spool.add(entry("plugins/b/state", "b" + i));
        }
        assertThat(payloads(spool.head(20))).containsExactly("a-last", "b41", "b42", "b43", "b44", "b45", "b46", "b47", "b48", "b49");
        assertThat(spool.dropped()).isEqualTo(41);
        Entry notRetained = new Entry("replies", "r".getBytes(StandardCharsets.UTF_8), 1, false, null);
        OfflineSpool plain = new OfflineSpool(dir.resolve("plain.bin"), 2);
        plain.add(notRetained);
        plain.add(entry("x", "1"));
        plain.add(entry("y", "2"));
        assertThat(payloads(plain.head(5))).as("nothing superseded: the oldest goes").containsExactly("1", "2");
    }

    @Test
    void aRestartReadsBackWhatWasNotDelivered() {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 100);
        for (int i = 1; i <= 5; i++) {
            spool.add(entry("a/" + i, "v" + i));
        }
        spool.delivered(spool.head(2));
        spool.close();
        OfflineSpool again = new OfflineSpool(file, 100);
        // delivered messages are still in the file until it is emptied: at least once, in order
        assertThat(payloads(again.head(10))).endsWith("v3", "v4", "v5");
        assertThat(again.head(10).get(0).retained()).isTrue();
        again.delivered(again.head(10));
        again.close();
        assertThat(new OfflineSpool(file, 100).isEmpty()).isTrue();
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws Exception {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 100);
        spool.add(entry("a", "whole"));
        spool.add(entry("b", "cut"));
        spool.close();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2));
        assertThat(payloads(new OfflineSpool(file, 100).head(10))).containsExactly("whole");
    }

    @Test
    void aSmallerBoundAtRestartKeepsTheNewest() {
        Path file = dir.resolve("spool.bin");
        OfflineSpool spool = new OfflineSpool(file, 10);
        for (int i = 1; i <= 6; i++) {
            spool.add(entry("t", String.valueOf(i)));
        }
        spool.close();
        OfflineSpool smaller = new OfflineSpool(file, 2);
        assertThat(payloads(smaller.head(10))).containsExactly("5", "6");
        assertThat(smaller.dropped()).isEqualTo(4);
    }
}
