package org.taskhost.boot.internal;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Sets, as System properties, what the environment means for the bundles that read framework properties when they
 * start (BundleContext.getProperty falls back to System properties): Config Admin's folder, FileInstall's etc/,
 * Jetty's port and host, Gogo's home and arguments, the loader's samples folder. A property given with -D (or a
 * -runproperty) is kept. This bundle starts at start level 1 (launcher/taskhost.bndrun), the others from 3 on, so
 * {@code java -jar taskhost.jar} and bin/taskhost see the same settings.
 */
public final class EnvironmentSettings implements BundleActivator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public void start(BundleContext context) {
        Path work = Path.of("").toAbsolutePath();
        Path jar = BootSettings.launcherJar(System.getProperty("java.class.path"), work);
        if (jar != null && Files.exists(jar)) {
            try {
                jar = jar.toRealPath();     // a symbolic link to the build tree's jar finds the build tree's etc/
            } catch (IOException e) {
                // keep the path as given
            }
        }
        Map<String, String> wanted = BootSettings.properties(System::getenv, context::getProperty, jar, work, Files::isDirectory, stdin());
        List<String> report = new ArrayList<>();
        wanted.forEach((name, value) -> {
            String given = context.getProperty(name);
            if (given == null) {
                System.setProperty(name, value);
                report.add(name + "=" + value);
            } else {
                report.add(name + "=" + given + " (given)");
            }
        });
        String cm = context.getProperty(BootSettings.CM_DIR);
        try {
            Files.createDirectories(Path.of(cm));    // Config Admin keeps its configurations there and needs the folder
        } catch (IOException | RuntimeException e) {
            log("WARN ", "cannot create " + cm + ": " + e);
        }
        if (!quiet(context.getProperty(BootSettings.LOG_LEVEL))) {
            log("INFO ", "settings: " + String.join(", ", report));
        }
    }

    @Override
    public void stop(BundleContext context) {
        // the properties stay: the framework is going down, and bundles that read them keep what they read
    }

    /**
     * Whether standard input is a terminal, as the shell's {@code test -t 0}. Java 21 has no isatty: System.console()
     * needs standard output to be a terminal too (on Java 21; {@code bin/taskhost | tee log} in a terminal would wrongly
     * be a daemon) and returns a console without any terminal on Java 22+ (Console.isTerminal() is 22+), and calling
     * isatty through the FFM API is a preview in 21. On Linux the kernel shows what file descriptor 0 is as the link
     * /proc/self/fd/0: /dev/pts/N or /dev/ttyN for a terminal; /dev/null, a file, pipe:[..] or socket:[..] otherwise;
     * and no link when standard input is closed (then reading it would end at once: a daemon too).
     */
    static BootSettings.Stdin stdin() {
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            try {
                return BootSettings.stdin(Files.readSymbolicLink(fds.resolve("0")).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return BootSettings.stdin(null);
            }
        }
        // no /proc (not Linux): the console, asked whether it is a terminal where Java (22+) can tell
        Console console = System.console();
        if (console == null) {
            return BootSettings.Stdin.NOT_A_TERMINAL;
        }
        try {
            Object terminal = Console.class.getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(terminal) ? BootSettings.Stdin.TERMINAL : BootSettings.Stdin.NOT_A_TERMINAL;
        } catch (ReflectiveOperationException e) {
            return BootSettings.Stdin.TERMINAL;     // Java 21: a console means both standard input and output are terminals
        }
    }

    /** At warn or error, the settings line is left out. */
    private static boolean quiet(String level) {
        String l = level == null ? "" : level.trim();
        return l.equalsIgnoreCase("warn") || l.equalsIgnoreCase("warning") || l.equalsIgnoreCase("error");
    }

    /**
     * A line in the log's one format (docs/logging.md), printed here: this bundle runs before the log pipeline starts.
     */
    private static void log(String level, String text) {
        System.out.println(TIME.format(Instant.now()) + " " + level + " [boot] " + text);
    }
}
