package org.taskhost.mqtt.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.taskhost.api.settings.Setting;

/**
 * Which commands MQTT accepts, and for which plugins: {@code commands} and {@code command_plugins} in the configuration
 * (etc/org.taskhost.mqtt.cfg maps {@code TASKHOST_MQTT_COMMANDS} to {@code commands}, and
 * {@code TASKHOST_MQTT_COMMAND_PLUGINS} to {@code commandPluginsFromEnvironment}, which wins over {@code command_plugins}
 * when not empty).
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
    static CommandPolicy resolve(MqttConfig config) {
        List<String> c = Setting.list(COMMANDS, config.commands());
        Set<String> commands = new LinkedHashSet<>();
        if (!(c.size() == 1 && c.get(0).equalsIgnoreCase(NONE))) {
            for (String s : c) {
                String n = s.toLowerCase(Locale.ROOT);
                if (!ALL.contains(n)) {
                    throw new IllegalArgumentException(COMMANDS + ": unknown command '" + s + "', expected some of "
                            + String.join(",", ALL) + " or none");
                }
                commands.add(n);
            }
        }
        List<String> plugins = Setting.list(PLUGINS, config.commandPluginsFromEnvironment());
        if (plugins.isEmpty()) {
            plugins = Setting.list(PLUGINS, config.command__plugins());
        }
        if (plugins.equals(List.of("*"))) {
            return new CommandPolicy(Set.copyOf(commands), null);
        }
        if (plugins.contains("*")) {
            throw new IllegalArgumentException(PLUGINS + ": '*' alone or a list of plugin names, got '" + String.join(",", plugins) + "'");
        }
        return new CommandPolicy(Set.copyOf(commands), Set.copyOf(plugins));
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
