package org.taskhost.runtime.internal.log;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A plugin's logger: prints lines at or above the process-wide level and keeps the last ones
 * for {@code taskhost:log} and the REST logs endpoint.
 */
public final class PluginLog implements System.Logger {

    static final int KEEP = 200;
    private static volatile Level threshold = Level.INFO;
    private static volatile PrintStream out = System.out;

    private final String name;
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    public PluginLog(String name) {
        this.name = name;
    }

    /** @param level lines below it are neither printed nor kept */
    public static void threshold(Level level) {
        threshold = level;
    }

    public static Level threshold() {
        return threshold;
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
        if (!isLoggable(level)) {
            return;
        }
        String text = thrown == null ? msg : msg + ": " + thrown;
        write(level, text);
        if (thrown != null && threshold.getSeverity() <= Level.DEBUG.getSeverity()) {
            thrown.printStackTrace(out);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params));
        }
    }

    private void write(Level level, String text) {
        String line = Instant.now() + " " + String.format("%-5s", level.getName().replace("WARNING", "WARN")) + " [" + name + "] " + text;
        synchronized (recent) {
            if (recent.size() == KEEP) {
                recent.removeFirst();
            }
            recent.addLast(line);
        }
        out.println(line);
    }

    /** @return the kept lines, oldest first */
    public List<String> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
