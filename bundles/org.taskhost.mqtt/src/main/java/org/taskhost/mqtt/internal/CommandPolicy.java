package org.taskhost.mqtt.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which commands MQTT accepts, and for which plugins: {@code commands} and {@code command_plugins} in the configuration,
 * {@code TASKHOST_MQTT_COMMANDS} and {@code TASKHOST_MQTT_COMMAND_PLUGINS} in the environment (which win when set and
 * not empty). {@code none} (or an empty {@code commands} in the configuration) allows no command; {@code *} allows
 * every plugin.
 *
 * @param commands the commands allowed
 * @param plugins the plugins commands may address, or null for every plugin
 */
record CommandPolicy(Set<String> commands, Set<String> plugins) {

    static final String COMMANDS = "TASKHOST_MQTT_COMMANDS";
    static final String PLUGINS = "TASKHOST_MQTT_COMMAND_PLUGINS";
    static final Set<String> ALL = Set.of("enable", "disable", "run", "trigger", "put");
    static final String DEFAULT_COMMANDS = "enable,disable,run,trigger,put";

    /**
     * @throws IllegalArgumentException naming the variable of a wrong value
     */
    static CommandPolicy resolve(UnaryOperator<String> env, String configCommands, String configPlugins) {
        String c = env.apply(COMMANDS);
        c = c == null || c.isBlank() ? (configCommands == null ? "" : configCommands.trim()) : c.trim();
        Set<String> commands = new LinkedHashSet<>();
        if (!c.equalsIgnoreCase("none")) {
            for (String s : list(c)) {
                String n = s.toLowerCase(Locale.ROOT);
                if (!ALL.contains(n)) {
                    throw new IllegalArgumentException(COMMANDS + ": unknown command '" + s + "', expected some of " + DEFAULT_COMMANDS
                            + " or none");
                }
                commands.add(n);
            }
        }
        String p = env.apply(PLUGINS);
        p = p == null || p.isBlank() ? (configPlugins == null || configPlugins.isBlank() ? "*" : configPlugins.trim()) : p.trim();
        Set<String> plugins = null;
        if (!p.equals("*")) {
            plugins = new LinkedHashSet<>(list(p));
            if (plugins.contains("*")) {
                throw new IllegalArgumentException(PLUGINS + ": '*' alone or a list of plugin names, got '" + p + "'");
            }
        }
        return new CommandPolicy(Set.copyOf(commands), plugins == null ? null : Set.copyOf(plugins));
    }

    private static java.util.List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    boolean allowsCommand(String command) {
        return commands.contains(command);
    }

    boolean allowsPlugin(String plugin) {
        return plugins == null || plugins.contains(plugin);
    }

    /** @return the commands, in the order of {@link #DEFAULT_COMMANDS}, for the status view */
    String describeCommands() {
        String s = String.join(",", Arrays.stream(DEFAULT_COMMANDS.split(",")).filter(commands::contains).toList());
        return s.isEmpty() ? "none" : s;
    }

    String describePlugins() {
        return plugins == null ? "*" : String.join(",", plugins.stream().sorted().toList());
    }
}
