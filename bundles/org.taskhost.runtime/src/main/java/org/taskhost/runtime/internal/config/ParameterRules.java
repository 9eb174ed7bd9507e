package org.taskhost.runtime.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.ConfigProblem;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;

/**
 * The rules of the parameters the runtime itself reads, the same for config.yaml and for overrides given through
 * REST, the shell or the store: so that {@code interval: 0} is refused wherever it comes from.
 */
public final class ParameterRules {

    /** Parameters that are a number of seconds above 0. */
    static final Set<String> POSITIVE_SECONDS = Set.of("interval", "init_timeout", "execute_timeout", "cleanup_timeout", "timeout");
    private static final String MODES = "continuous, triggered, reactive or job";

    private ParameterRules() {
    }

    /**
     * @param key a parameter name
     * @param value its value as YAML or JSON gave it
     * @return what is wrong with it, if anything
     */
    static Optional<String> problem(String key, Object value) {
        if (POSITIVE_SECONDS.contains(key)) {
            if (!(value instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                return Optional.of("must be a number of seconds above 0, got " + show(value));
            }
        } else if (key.equals("mode")) {
            if (!(value instanceof String s) || parseMode(s).isEmpty()) {
                return Optional.of("must be " + MODES + ", got " + show(value));
            }
        } else if (key.equals("version") && (value instanceof Map || value instanceof List)) {
            return Optional.of("must be text, got " + show(value));
        }
        return Optional.empty();
    }

    /**
     * @param text a {@code mode} value
     * @return the mode it names (ON_REQUEST for {@code job}), if any
     */
    static Optional<PluginMode> parseMode(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "continuous" -> Optional.of(PluginMode.CONTINUOUS);
            case "triggered" -> Optional.of(PluginMode.TRIGGERED);
            case "reactive" -> Optional.of(PluginMode.REACTIVE);
            case "job" -> Optional.of(PluginMode.ON_REQUEST);
            default -> Optional.empty();
        };
    }

    /** iocmng's rule: {@code mode} if set, else triggered when {@code triggered} is true, else continuous. */
    static PluginMode modeOf(Map<String, Object> parameters) {
        if (parameters.get("mode") instanceof String s) {
            return parseMode(s).orElse(PluginMode.CONTINUOUS);
        }
        return Boolean.TRUE.equals(parameters.get("triggered")) ? PluginMode.TRIGGERED : PluginMode.CONTINUOUS;
    }

    /**
     * Checks overrides and merges them over config.yaml's parameters.
     *
     * @param config the plugin's configuration
     * @param overrides the user's values
     * @return the configuration with the merged parameters and the mode they give
     * @throws ConfigException naming each refused field as {@code parameters.<name>}
     */
    public static PluginDescriptor merge(PluginDescriptor config, Map<String, Object> overrides) throws ConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        overrides.forEach((key, value) -> problem(key, value).ifPresent(p ->
                problems.add(new ConfigProblem("parameters", 0, 0, "parameters." + key, p))));
        Map<String, Object> merged = new LinkedHashMap<>(config.defaults());
        merged.putAll(overrides);
        PluginMode mode = modeOf(merged);
        boolean job = config.declaredKind() == PluginKind.JOB;
        if (problems.isEmpty() && overrides.containsKey("mode") && job != (mode == PluginMode.ON_REQUEST)) {
            problems.add(new ConfigProblem("parameters", 0, 0, "parameters.mode", job
                    ? "a job stays a job, got " + show(overrides.get("mode")) : "a task cannot become a job"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config.with(merged, mode);
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
