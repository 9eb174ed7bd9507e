package org.taskhost.runtime.internal.log;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * A plugin's logger (and the runtime's own): prints lines at or above the process-wide level and keeps the last ones
 * for {@code taskhost:log} and the REST logs endpoint.
 * <p>
 * {@link #threshold()} is the process's one log level, set from TASKHOST_LOG_LEVEL (alias IOCMNG_LOG_LEVEL) or the
 * configuration's {@code logLevel} (by {@code log.osgi.ConsoleLog}, and by the extender from the same setting). In the
 * runtime bundle every new threshold is also set, at once, as the OSGi Log Service's root level ({@code log.osgi.RootLevel}),
 * which the {@code org.osgi.service.log.Logger} of every other bundle follows.
 * <p>
 * Lines are printed by the one {@link LogPrinter}, which also prints the Log Service's entries of every other bundle.
 * This class prints its lines itself, at once, rather than through the Log Service: so none is lost before the Log
 * Service is up or after it stopped, none is printed twice, and a plugin's lines keep their order with what the
 * process prints on standard output.
 */
public final class PluginLog implements System.Logger {

    static final int KEEP = 200;
    private static volatile Level threshold = Level.INFO;
    /** Told of every new threshold: in the runtime bundle, the Log Service's root level; none in a copy of this class. */
    private static final Consumer<Level> FOLLOWER = loadFollower();

    private final String name;
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    public PluginLog(String name) {
        this.name = name;
    }

    /** @param level lines below it are neither printed nor kept, here and in every bundle that logs through the OSGi Log Service */
    public static void threshold(Level level) {
        synchronized (PluginLog.class) {
            threshold = level;
            if (FOLLOWER != null) {
                FOLLOWER.accept(level);
            }
        }
    }

    public static Level threshold() {
        return threshold;
    }

    /** @return what is told of every new threshold, null for none */
    static Consumer<Level> follower() {
        return FOLLOWER;
    }

    /**
     * Loaded by name: this package is also copied into other bundles (bnd's -conditionalpackage), which must not need
     * the Log Service's packages for it; there the class is not found and no one follows.
     */
    @SuppressWarnings("unchecked")
    private static Consumer<Level> loadFollower() {
        try {
            return (Consumer<Level>) Class.forName(PluginLog.class.getPackageName() + ".osgi.RootLevel", true,
                    PluginLog.class.getClassLoader()).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return null;
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return level != Level.OFF && level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        if (isLoggable(level)) {
            write(level, msg, thrown);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
        }
    }

    private void write(Level level, String text, Throwable thrown) {
        String line = LogPrinter.line(Instant.now(), LogPrinter.name(level), name, text, thrown);
        synchronized (recent) {
            if (recent.size() == KEEP) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
        LogPrinter.CONSOLE.print(line, thrown);
    }

    /** @return the kept lines, oldest first */
    public List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
