package org.taskhost.mqtt.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.taskhost.mqtt.internal.payloads.CommandReply;

/**
 * One command from {@code {root}/{node}/cmd/{plugin}/{command}}, its body parsed and checked against the allow-list.
 * A request with an {@link #error()} is answered with that error and changes nothing.
 *
 * @param command the command (the topic's last level)
 * @param plugin the plugin (the level before)
 * @param id the body's id (a string or a number), or null
 * @param replyTo where the reply goes
 * @param pv for put: the PV's short name
 * @param value for put: the value (a list of numbers becomes a double[])
 * @param error what is wrong, or null
 */
record CommandRequest(String command, String plugin, Object id, String replyTo, String pv, Object value, String error) {

    static final List<String> COMMANDS = CommandPolicy.ALL;

    boolean ok() {
        return error == null;
    }

    /** @return {@code {root}/{node}/cmd/+/+} */
    static String filter(String base) {
        return base + "/cmd/+/+";
    }

    /** @return {@code {root}/{node}/reply/{plugin}} */
    static String defaultReply(String base, String plugin) {
        return base + "/reply/" + plugin;
    }

    /**
     * @param base {@code {root}/{node}}
     * @param topic the topic the message arrived on
     * @param payload its payload
     * @param policy the allow-list
     * @return the request, or an error request; null only when the topic is not a command topic at all
     */
    static CommandRequest parse(String base, String topic, byte[] payload, CommandPolicy policy) {
        String prefix = base + "/cmd/";
        if (topic == null || !topic.startsWith(prefix)) {
            return null;
        }
        String[] levels = topic.substring(prefix.length()).split("/", -1);
        if (levels.length != 2 || levels[0].isEmpty()) {
            return null;
        }
        String plugin = levels[0];
        String command = levels[1];
        String replyTo = defaultReply(base, plugin);
        Object id = null;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload == null ? new byte[0] : payload)).toString();
        } catch (CharacterCodingException e) {
            return new CommandRequest(command, plugin, null, replyTo, null, null, "the body is not UTF-8 text: expected a JSON object");
        }
        Map<?, ?> body;
        if (text.isBlank()) {
            body = Map.of();
        } else {
            Object parsed;
            try {
                parsed = Json.parse(text);
            } catch (IllegalArgumentException e) {
                return new CommandRequest(command, plugin, null, replyTo, null, null, "the body is " + e.getMessage()
                        + ": expected a JSON object");
            }
            if (!(parsed instanceof Map<?, ?> m)) {
                return new CommandRequest(command, plugin, null, replyTo, null, null, "the body is not a JSON object: expected {\"id\": ...}");
            }
            body = m;
        }
        Object rawId = body.get("id");
        if (rawId instanceof String || rawId instanceof Long || rawId == null) {
            id = rawId;
        } else {
            id = null;
        }
        Object r = body.get("reply_to");
        String replyError = null;
        if (r instanceof String s && !s.isBlank()) {
            if (s.contains("+") || s.contains("#") || s.chars().anyMatch(c -> c == 0)) {
                replyError = "reply_to must be a topic without the wildcards + and #, got '" + s + "'";
            } else {
                replyTo = s;
            }
        } else if (r != null) {
            replyError = "reply_to must be a topic (a string)";
        }
        if (replyError != null) {
            return new CommandRequest(command, plugin, id, replyTo, null, null, replyError);
        }
        if (rawId != null && id == null) {
            return new CommandRequest(command, plugin, null, replyTo, null, null, "id must be a string or an integer");
        }
        if (!COMMANDS.contains(command)) {
            return new CommandRequest(command, plugin, id, replyTo, null, null, "unknown command '" + command + "', expected one of "
                    + String.join(", ", COMMANDS));
        }
        if (!policy.allowsCommand(command)) {
            return new CommandRequest(command, plugin, id, replyTo, null, null, "command '" + command + "' is not allowed (allowed: "
                    + policy.describeCommands() + "): set commands (" + CommandPolicy.COMMANDS + ") to allow it");
        }
        if (!policy.allowsPlugin(plugin)) {
            return new CommandRequest(command, plugin, id, replyTo, null, null, "commands to plugin '" + plugin + "' are not allowed: set command_plugins ("
                    + CommandPolicy.PLUGINS + ") to allow it");
        }
        String pv = null;
        Object value = null;
        if (command.equals("put")) {
            Object p = body.get("pv");
            if (!(p instanceof String s) || s.isBlank()) {
                return new CommandRequest(command, plugin, id, replyTo, null, null, p == null ? "put needs \"pv\": the PV's short name"
                        : "\"pv\" must be a string: the PV's short name");
            }
            pv = s.trim();
            if (!body.containsKey("value")) {
                return new CommandRequest(command, plugin, id, replyTo, pv, null, "put needs \"value\"");
            }
            value = body.get("value");
            if (value == null || value instanceof Map) {
                return new CommandRequest(command, plugin, id, replyTo, pv, null, "\"value\" must be a number, a string, a boolean or a list of numbers");
            }
            if (value instanceof List<?> l) {
                double[] a = new double[l.size()];
                for (int i = 0; i < a.length; i++) {
                    if (!(l.get(i) instanceof Number n)) {
                        return new CommandRequest(command, plugin, id, replyTo, pv, null, "\"value\" as a list must hold only numbers");
                    }
                    a[i] = n.doubleValue();
                }
                value = a;
            }
        }
        return new CommandRequest(command, plugin, id, replyTo, pv, value, null);
    }

    /** The reply body. */
    CommandReply reply(boolean ok, String message, Object result) {
        return new CommandReply(id, ok, command, plugin, message, result);
    }
}
