package org.taskhost.api.runtime;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where taskhost keeps what users add: one rule for every bundle that needs the data directory. */
public final class DataDirectory {

    /** The environment variable naming the data directory. */
    public static final String ENV = "TASKHOST_DATA";
    /** The framework property naming it, for tests and embedded use. */
    public static final String PROPERTY = "taskhost.data";

    private DataDirectory() {
    }

    /**
     * @param configured a bundle's own configuration, empty for none
     * @param env looks up an environment variable, null if unset
     * @param property looks up a framework property, null if unset
     * @return the configured directory, else {@value #ENV}, else {@value #PROPERTY}, else {@code ./data}; absolute
     */
    public static Path resolve(String configured, UnaryOperator<String> env, UnaryOperator<String> property) {
        return resolve(configured, env, property, Path.of("").toAbsolutePath());
    }

    /**
     * @param configured a bundle's own configuration, empty for none
     * @param env looks up an environment variable, null if unset
     * @param property looks up a framework property, null if unset
     * @param base the folder a relative directory is resolved against (the working directory)
     * @return the configured directory, else {@value #ENV}, else {@value #PROPERTY}, else {@code ./data}; absolute
     */
    public static Path resolve(String configured, UnaryOperator<String> env, UnaryOperator<String> property, Path base) {
        String dir = first(configured, first(env.apply(ENV), first(property.apply(PROPERTY), "./data")));
        return base.resolve(dir).toAbsolutePath().normalize();
    }

    private static String first(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
