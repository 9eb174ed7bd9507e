package org.taskhost.mqtt.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What is published while the broker is away (EWA's spool): a bounded FIFO; when it is full, a retained message
 * superseded by a newer one on its topic is dropped first, else the oldest, and drops are counted;
 * written through to a file so that a restart of taskhost during an outage loses nothing. Delivered in order at the
 * next connection, then the file is emptied. A record cut short by a crash is ignored when the file is read back.
 */
final class OfflineSpool implements AutoCloseable {

    /**
     * One message waiting for the broker.
     *
     * @param done completes when the broker has it; null for messages read back from the file
     */
    record Entry(String topic, byte[] payload, int qos, boolean retained, CompletableFuture<Void> done) {
    }

    private final Path file;
    private final int bound;
    private static final int MAX_SCAN = 1000;

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** how many retained messages of each topic wait */
    private final Map<String, Integer> retained = new HashMap<>();
    private DataOutputStream out;
    private int records;
    private long dropped;

    /**
     * @param file where the spool is kept; read back if it exists
     * @param bound the most messages kept
     * @throws UncheckedIOException when the file cannot be written
     */
    OfflineSpool(Path file, int bound) {
        this.file = file;
        this.bound = bound;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                for (Entry e : read(file)) {
                    keep(e);
                }
            }
            rewrite();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the MQTT offline buffer " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized void add(Entry e) {
        keep(e);
        try {
            write(out, e);
            out.flush();
            if (++records > 2 * bound) {
                rewrite();
            }
        } catch (IOException x) {
            // the message stays in memory: only a restart during this outage would lose it
        }
    }

    private void keep(Entry e) {
        if (queue.size() >= bound) {
            drop();
        }
        queue.addLast(e);
        if (e.retained()) {
            retained.merge(e.topic(), 1, Integer::sum);
        }
    }

    /**
     * Full: the oldest retained message that a newer one on its topic replaces goes first (a plugin's last state must
     * survive a flood of other plugins' states), else the oldest message.
     */
    private void drop() {
        Entry victim = null;
        Iterator<Entry> it = queue.iterator();
        for (int scanned = 0; it.hasNext() && scanned < MAX_SCAN; scanned++) {
            Entry x = it.next();
            if (x.retained() && retained.getOrDefault(x.topic(), 0) > 1) {
                it.remove();
                victim = x;
                break;
            }
        }
        if (victim == null) {
            victim = queue.removeFirst();
        }
        forget(victim);
        dropped++;
        if (victim.done() != null) {
            victim.done().completeExceptionally(new IllegalStateException("dropped from the full MQTT offline buffer"));
        }
    }

    private void forget(Entry e) {
        if (e.retained()) {
            retained.computeIfPresent(e.topic(), (t, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** @return up to {@code max} of the oldest messages, still in the spool */
    synchronized List<Entry> head(int max) {
        List<Entry> out = new ArrayList<>(Math.min(max, queue.size()));
        for (Entry e : queue) {
            if (out.size() == max) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** Removes messages the broker now has, if they are still the oldest (a drop may have taken them meanwhile). */
    synchronized void delivered(List<Entry> entries) {
        for (Entry e : entries) {
            if (queue.peekFirst() == e) {
                forget(queue.removeFirst());
            }
        }
        if (queue.isEmpty()) {
            try {
                rewrite();
            } catch (IOException x) {
                // emptied at the next rewrite
            }
        }
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    synchronized int size() {
        return queue.size();
    }

    synchronized long dropped() {
        return dropped;
    }

    int bound() {
        return bound;
    }

    Path file() {
        return file;
    }

    private void rewrite() throws IOException {
        if (out != null) {
            out.close();
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            for (Entry e : queue) {
                write(d, e);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        records = queue.size();
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND)));
    }

    private static void write(DataOutputStream d, Entry e) throws IOException {
        d.writeUTF(e.topic());
        d.writeByte(e.qos());
        d.writeBoolean(e.retained());
        d.writeInt(e.payload().length);
        d.write(e.payload());
    }

    private static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String topic = in.readUTF();
                int qos = in.readByte();
                boolean retained = in.readBoolean();
                int n = in.readInt();
                if (n < 0 || n > 268_435_455) {
                    break;
                }
                entries.add(new Entry(topic, in.readNBytes(n), qos, retained, null));
                if (entries.get(entries.size() - 1).payload().length != n) {
                    entries.remove(entries.size() - 1);
                    break;
                }
            }
        } catch (EOFException | java.io.UTFDataFormatException e) {
            // the end, or a record cut short by a crash
        }
        return entries;
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            // nothing more to write
        }
    }
}
