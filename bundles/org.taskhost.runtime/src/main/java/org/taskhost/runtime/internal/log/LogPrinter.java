package org.taskhost.runtime.internal.log;

import java.io.PrintStream;
import java.time.Instant;

/**
 * Where every log line of the process is printed, in one format: {@code <instant> LEVEL [name] text}, the text followed
 * by {@code ": " + throwable} when there is one, and the throwable's stack only at DEBUG or TRACE. {@link PluginLog}
 * prints here, and so does {@code log.osgi.ConsoleLog} for the Log Service's entries of every other bundle.
 */
public final class LogPrinter {

    /** Standard output as the process started with it (the shell may later replace System.out). */
    public static final LogPrinter CONSOLE = new LogPrinter(System.out);

    private final PrintStream out;

    public LogPrinter(PrintStream out) {
        this.out = out;
    }

    /**
     * @param level its name as printed: TRACE, DEBUG, INFO, WARN, ERROR or AUDIT
     * @return the line, without the stack
     */
    public static String line(Instant time, String level, String name, String message, Throwable thrown) {
        String text = thrown == null ? message : message + ": " + thrown;
        return time + " " + String.format("%-5s", level) + " [" + name + "] " + text;
    }

    /** @return the level's name as printed: WARNING is WARN */
    public static String name(System.Logger.Level level) {
        return level == System.Logger.Level.WARNING ? "WARN" : level.getName();
    }

    /** Prints the line, then the throwable's stack if the process's level is DEBUG or TRACE, with no other line between. */
    public void print(String line, Throwable thrown) {
        boolean stack = thrown != null && PluginLog.threshold().getSeverity() <= System.Logger.Level.DEBUG.getSeverity();
        synchronized (out) {
            out.println(line);
            if (stack) {
                thrown.printStackTrace(out);
            }
        }
    }
}
