package org.taskhost.boot.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.taskhost.api.runtime.DataDirectory;

/**
 * What the environment, the launcher jar's location and standard input mean as the properties Config Admin,
 * FileInstall, Jetty and Gogo read. No side effects: every input is a parameter.
 */
final class BootSettings {

    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    static final String GOSH_HOME = "gosh.home";
    static final String GOSH_ARGS = "gosh.args";
    static final String JLINE_DUMB = "org.jline.terminal.dumb";
    static final String CM_DIR = "felix.cm.dir";
    static final String DATA_DIR = DataDirectory.PROPERTY;
    static final String SAMPLES_DIR = "taskhost.samples.dir";
    static final String HTTP_PORT = "org.osgi.service.http.port";
    static final String HTTP_HOST = "org.apache.felix.http.host";
    /** The log's root level until Config Admin delivers the runtime's logLevel: lines printed before that follow it too. */
    static final String LOG_LEVEL = "taskhost.log.level";

    /** What standard input is. */
    enum Stdin { TERMINAL, NOT_A_TERMINAL }

    private BootSettings() {
    }

    /**
     * @param env looks up an environment variable, null when unset
     * @param property looks up a framework property, null when unset
     * @param jar the launcher jar (absolute), null when unknown
     * @param workDir the working directory (absolute): relative paths are resolved against it
     * @param isDirectory tells which folders exist
     * @param stdin what standard input is
     * @return property name to value, always in the same order
     */
    static Map<String, String> properties(UnaryOperator<String> env, UnaryOperator<String> property, Path jar, Path workDir,
            Predicate<Path> isDirectory, Stdin stdin) {
        Map<String, String> p = new LinkedHashMap<>();
        // etc/ is TASKHOST_ETC, else beside the jar: launcher/target/taskhost.jar -> launcher/etc, or <dir>/etc
        Optional<Path> etc = Optional.ofNullable(first(env, null, "TASKHOST_ETC")).map(e -> workDir.resolve(e).normalize())
                .or(() -> besideJar(jar, isDirectory, "../etc", "etc"));
        etc.ifPresent(e -> {
            p.put(FILEINSTALL_DIR, e.toString());
            p.put(GOSH_HOME, (e.getParent() == null ? e : e.getParent()).toString());    // Gogo reads <gosh.home>/etc/gosh_profile
        });
        // the one data directory: Config Admin keeps its configurations in it, so it is known before the framework
        // starts; the components read it as this framework property, never from the environment
        Path data = dataDirectory(env, property, workDir);
        p.put(DATA_DIR, data.toString());
        p.put(CM_DIR, data.resolve("config").toString());
        besideJar(jar, isDirectory, "../../plugins-sample", "plugins-sample").ifPresent(s -> p.put(SAMPLES_DIR, s.toString()));
        p.put(HTTP_PORT, first(env, "8080", "TASKHOST_PORT", "IOCMNG_PORT"));
        p.put(HTTP_HOST, first(env, "0.0.0.0", "TASKHOST_HOST", "IOCMNG_HOST"));
        p.put(LOG_LEVEL, first(env, "info", "TASKHOST_LOG_LEVEL", "IOCMNG_LOG_LEVEL"));
        if ("stdin".equals(env.apply("TASKHOST_CONSOLE"))) {
            p.put(GOSH_ARGS, "--noshutdown");                   // the shell reads commands from a pipe (scripts, tests)
        } else if (stdin == Stdin.NOT_A_TERMINAL) {
            p.put(GOSH_ARGS, "--nointeractive --noshutdown");   // a daemon: the end of standard input stops nothing
        }
        // JLine cannot load its native terminal providers inside the bnd launcher: the shell uses its plain terminal
        p.put(JLINE_DUMB, "true");
        return p;
    }

    /**
     * The framework property taskhost.data when given (-D, as every property here), else TASKHOST_DATA, else ./data;
     * absolute.
     */
    static Path dataDirectory(UnaryOperator<String> env, UnaryOperator<String> property, Path workDir) {
        return DataDirectory.resolve(property.apply(DataDirectory.PROPERTY), env, name -> null, workDir);
    }

    /**
     * @param classPath the JVM's class path: {@code java -jar X} makes it X
     * @return its first jar, absolute; null when there is none
     */
    static Path launcherJar(String classPath, Path workDir) {
        if (classPath != null) {
            for (String entry : classPath.split(File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    return workDir.resolve(entry).normalize();
                }
            }
        }
        return null;
    }

    /**
     * @param fd0 where the link /proc/self/fd/0 points ({@code /dev/pts/3}, {@code /dev/null}, {@code pipe:[1234]}),
     *     null when there is none (standard input closed)
     * @return a terminal for a pseudo terminal (ssh, xterm, docker -t), a virtual or serial console, /dev/tty or
     *     /dev/console; anything else (a file, /dev/null, a pipe, a socket, nothing) is not one
     */
    static Stdin stdin(String fd0) {
        boolean terminal = fd0 != null && (fd0.startsWith("/dev/pts/") || fd0.startsWith("/dev/tty") || fd0.equals("/dev/console"));
        return terminal ? Stdin.TERMINAL : Stdin.NOT_A_TERMINAL;
    }

    private static Optional<Path> besideJar(Path jar, Predicate<Path> isDirectory, String... candidates) {
        if (jar == null || jar.getParent() == null) {
            return Optional.empty();
        }
        for (String candidate : candidates) {
            Path dir = jar.getParent().resolve(candidate).normalize();
            if (isDirectory.test(dir)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** The first of the names that is set and not blank (as the shell's ${X:-default}), else the default. */
    private static String first(UnaryOperator<String> lookup, String otherwise, String... names) {
        for (String name : names) {
            String value = lookup.apply(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return otherwise;
    }
}
