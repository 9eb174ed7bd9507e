package org.taskhost.mqtt.internal;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What is published while the broker is away (EWA's spool): a bounded FIFO; when it is full, a retained message
 * superseded by a newer one on its topic is dropped first, else the oldest, and drops are counted;
 * written through to a file ({@link SpoolFile}) so that a restart of taskhost during an outage loses nothing.
 * Delivered in order at the next connection, then the file is emptied.
 * <p>
 * A write to the file that fails (a full disk, a directory that cannot be written) loses nothing now: the messages
 * stay in memory, only a restart during the outage would lose them. Such failures are counted, the last one kept for
 * {@code taskhost:mqtt}, and logged at the 1st, 10th, 100th, ... failure; while the file is unusable it is written
 * again in full, at most once a second, until that succeeds. A file that cannot be read (a format version this
 * taskhost does not know) is set aside under another name, never read as this format nor overwritten.
 */
final class OfflineSpool implements AutoCloseable {

    /**
     * One message waiting for the broker.
     *
     * @param done completes when the broker has it; null for messages read back from the file
     */
    record Entry(String topic, byte[] payload, int qos, boolean retained, CompletableFuture<Void> done) {
    }

    private static final int MAX_SCAN = 1000;
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path file;
    private final int bound;
    private final SpoolFailures failures;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    /** how many retained messages of each topic wait */
    private final Map<String, Integer> retained = new HashMap<>();
    /** appends to the file; null while the file is unusable */
    private DataOutputStream out;
    private int records;
    private long dropped;
    private long retryAt;

    /**
     * @param file where the spool is kept; read back if it exists
     * @param bound the most messages kept
     * @param warn where a failure to write or read the file is told
     * @throws UncheckedIOException when a file that cannot be read cannot be set aside either: it would be overwritten
     */
    OfflineSpool(Path file, int bound, Consumer<String> warn) {
        this.file = file;
        this.bound = bound;
        this.failures = new SpoolFailures(warn);
        if (Files.exists(file)) {
            try {
                for (Entry e : SpoolFile.read(file)) {
                    keep(e);
                }
            } catch (SpoolFile.UnknownVersionException e) {
                setAside(".version-" + e.version(), e.getMessage());
            } catch (IOException e) {
                setAside(".unreadable", "cannot read " + file + ": " + e.getMessage());
            }
        }
        try {
            Files.createDirectories(file.getParent());
            rewrite();
        } catch (IOException e) {
            failed("cannot write " + file, e);
        }
    }

    private void setAside(String suffix, String why) {
        Path aside = file.resolveSibling(file.getFileName() + suffix);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the MQTT offline buffer: " + why + ", and cannot move it aside to " + aside
                    + ": " + e.getMessage(), e);
        }
        failures.setAside(why + "; moved aside to " + aside + ", the buffer starts empty");
    }

    synchronized void add(Entry e) {
        keep(e);
        try {
            if (out == null) {
                if (System.nanoTime() - retryAt < 0) {
                    failures.failed(null);
                    return;
                }
                rewrite();
                failures.written(file);
            } else {
                SpoolFile.write(out, e);
                out.flush();
                if (++records > 2 * bound) {
                    rewrite();
                }
            }
        } catch (IOException x) {
            failed("cannot write to " + file, x);
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
                failures.written(file);
            } catch (IOException x) {
                // the delivered messages stay in the file: a restart now would send them again
                failed("cannot empty " + file, x);
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

    /** @return how many writes to the file failed (their messages were kept in memory only) */
    synchronized long writeFailures() {
        return failures.count();
    }

    /** @return the last write failure or file set aside, with its time, or null */
    synchronized String lastWriteError() {
        return failures.last();
    }

    /** The file again, the queue's messages only; on failure the file is unusable until a later rewrite succeeds. */
    private void rewrite() throws IOException {
        if (out != null) {
            DataOutputStream o = out;
            out = null;
            o.close();
        }
        retryAt = System.nanoTime() + RETRY_NANOS;
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream d = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            SpoolFile.writeHeader(d);
            for (Entry e : queue) {
                SpoolFile.write(d, e);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        records = queue.size();
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.APPEND)));
    }

    private void failed(String what, IOException e) {
        if (out != null) {
            // a write cut short may have left half a record: the next write rewrites the whole file
            try {
                out.close();
            } catch (IOException x) {
                // already failing
            }
            out = null;
        }
        failures.failed(what + ": " + e);
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
