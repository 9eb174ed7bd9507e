package org.taskhost.mqtt.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The offline buffer file's failed writes: counted, the last one kept with its time, told at the 1st, 10th, 100th, ...
 * failure and once when the file is written again. Used under the {@link OfflineSpool}'s lock.
 */
final class SpoolFailures {

    private final Consumer<String> warn;
    private long count;
    private String last;
    private Instant lastAt;
    private boolean failing;

    /** @param warn where failures are told */
    SpoolFailures(Consumer<String> warn) {
        this.warn = warn;
    }

    /** @param what the failed write and why; null for a message not written because the file failed just before */
    void failed(String what) {
        long n = ++count;
        failing = true;
        if (what != null) {
            note(what);
        }
        if (Long.toString(n).matches("10*")) {
            warn.accept("MQTT offline buffer: " + last + " (" + n + " failed writes so far; the messages are kept in memory,"
                    + " a restart during the outage would lose them)");
        }
    }

    /** @param why a file that could not be read, now set aside */
    void setAside(String why) {
        note(why);
        warn.accept("MQTT offline buffer: " + why);
    }

    /** The whole file was written: if writes had failed, that is news. */
    void written(Path file) {
        if (failing) {
            failing = false;
            warn.accept("MQTT offline buffer: " + file + " written again after " + count + " failed writes");
        }
    }

    long count() {
        return count;
    }

    /** @return the last failure with its time, or null */
    String last() {
        return last == null ? null : lastAt + " " + last;
    }

    private void note(String message) {
        last = message;
        lastAt = Instant.now();
    }
}
