package org.taskhost.runtime.internal.log;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last {@value #KEEP} lines of each {@link PluginLog}'s logger, as the one log pipeline printed them (filled by
 * {@link PluginLinesAppender}): what {@code taskhost:log} and the REST logs endpoint show. A logger's ring lives as
 * long as its PluginLog (its runner), no longer.
 */
public final class PluginLines {

    static final int KEEP = 200;
    private static final ConcurrentHashMap<String, WeakReference<Ring>> RINGS = new ConcurrentHashMap<>();

    private PluginLines() {
    }

    /** A new ring for the logger's lines (a new runner starts with none), kept while the caller holds it. */
    static Ring keep(String name) {
        Ring ring = new Ring();
        RINGS.put(name, new WeakReference<>(ring));
        return ring;
    }

    /** Keeps the line if the logger has a ring; forgets a ring whose logger has gone. */
    static void add(String logger, String line) {
        WeakReference<Ring> ref = RINGS.get(logger);
        Ring ring = ref == null ? null : ref.get();
        if (ring != null) {
            ring.add(line);
        } else if (ref != null) {
            RINGS.remove(logger, ref);
        }
    }

    /** The last lines of one logger. */
    static final class Ring {
        private final ArrayDeque<String> lines = new ArrayDeque<>();

        synchronized void add(String line) {
            if (lines.size() == KEEP) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }
}
