package org.taskhost.mqtt.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Which commands MQTT accepts, and for which plugins: {@code commands} and {@code command_plugins} in the configuration,
 * {@code TASKHOST_MQTT_COMMANDS} and {@code TASKHOST_MQTT_COMMAND_PLUGINS} in the environment (which win when set and
 * not empty).
 * <p>
 * Fails closed: brokers are often shared and unauthenticated, so without a setting no command is accepted, and no
 * reading of a setting is ever wider than what was written. {@code none} or an empty {@code commands} allows no
 * command; an empty {@code command_plugins} in the configuration allows no plugin; only a lone {@code *} allows every
 * plugin. A wrong value throws, and the view then stays off, which serves no command either.
 *
 * @param commands the commands allowed
 * @param plugins the plugins commands may address, or null for every plugin
 */
record CommandPolicy(Set<String> commands, Set<String> plugins) {

    static final String COMMANDS = "TASKHOST_MQTT_COMMANDS";
    static final String PLUGINS = "TASKHOST_MQTT_COMMAND_PLUGINS";
    /** Every command, in the order the status view and the messages list them. */
    static final List<String> ALL = List.of("enable", "disable", "run", "trigger", "put");
    static final String NONE = "none";

    /**
     * @throws IllegalArgumentException naming the variable of a wrong value
     */
    static CommandPolicy resolve(UnaryOperator<String> env, String configCommands, String configPlugins) {
        String c = setting(env, COMMANDS, configCommands);
        Set<String> commands = new LinkedHashSet<>();
        if (!c.equalsIgnoreCase(NONE)) {
            for (String s : list(c)) {
                String n = s.toLowerCase(Locale.ROOT);
                if (!ALL.contains(n)) {
                    throw new IllegalArgumentException(COMMANDS + ": unknown command '" + s + "', expected some of "
                            + String.join(",", ALL) + " or none");
                }
                commands.add(n);
            }
        }
        String p = setting(env, PLUGINS, configPlugins);
        if (p.equals("*")) {
            return new CommandPolicy(Set.copyOf(commands), null);
        }
        List<String> plugins = list(p);
        if (plugins.contains("*")) {
            throw new IllegalArgumentException(PLUGINS + ": '*' alone or a list of plugin names, got '" + p + "'");
        }
        return new CommandPolicy(Set.copyOf(commands), Set.copyOf(plugins));
    }

    /** The environment's value when set and not blank, else the configuration's (Config Admin gives its default). */
    private static String setting(UnaryOperator<String> env, String name, String config) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? (config == null ? "" : config.trim()) : v.trim();
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    boolean allowsCommand(String command) {
        return commands.contains(command);
    }

    boolean allowsPlugin(String plugin) {
        return plugins == null || plugins.contains(plugin);
    }

    /** @return the commands, in the order of {@link #ALL}, for the status view */
    String describeCommands() {
        String s = String.join(",", ALL.stream().filter(commands::contains).toList());
        return s.isEmpty() ? NONE : s;
    }

    String describePlugins() {
        return plugins == null ? "*" : plugins.isEmpty() ? NONE : String.join(",", plugins.stream().sorted().toList());
    }

    /** @return the start-up line: what is accepted where, or what to set */
    String summary(String filter) {
        if (commands.isEmpty()) {
            return "MQTT commands: none accepted (set " + COMMANDS + ")";
        }
        if (plugins != null && plugins.isEmpty()) {
            return "MQTT commands: none accepted, command_plugins names no plugin (set " + PLUGINS + ")";
        }
        return "MQTT commands on " + filter + ": " + String.join(", ", ALL.stream().filter(commands::contains).toList()) + " for "
                + (plugins == null ? "every plugin" : String.join(", ", plugins.stream().sorted().toList()));
    }
}
