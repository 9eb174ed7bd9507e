package org.taskhost.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommandRequestTest {

    static final String BASE = "th/box1";
    static final CommandPolicy ALL = policy(Map.of("commands", "enable,disable,run,trigger,put"));

    static CommandPolicy policy(Map<String, ?> values) {
        return CommandPolicy.resolve(TestConfigs.config(values));
    }

    static CommandRequest parse(String topic, String body, CommandPolicy policy) {
        return CommandRequest.parse(BASE, topic, body == null ? null : body.getBytes(StandardCharsets.UTF_8), policy);
    }

    static CommandRequest parse(String command, String body) {
        return parse(BASE + "/cmd/monitor/" + command, body, ALL);
    }

    @Test
    void aPutWithIdAndReplyTo() {
        CommandRequest r = parse("put", "{\"id\": \"a-1\", \"reply_to\": \"me/replies\", \"pv\": \"SETPOINT\", \"value\": 70}");
        assertThat(r.error()).isNull();
        assertThat(r).isEqualTo(new CommandRequest("put", "monitor", "a-1", "me/replies", "SETPOINT", 70L, null));
    }

    @Test
    void theReplyGoesToTheDefaultTopicWithoutReplyTo() {
        CommandRequest r = parse("enable", "{\"id\": 7}");
        assertThat(r.ok()).isTrue();
        assertThat(r.id()).isEqualTo(7L);
        assertThat(r.replyTo()).isEqualTo("th/box1/reply/monitor");
        assertThat(parse("disable", "").ok()).as("an empty body is {}").isTrue();
        assertThat(parse("run", "  {}  ").ok()).isTrue();
    }

    @Test
    void aListOfNumbersBecomesAnArray() {
        CommandRequest r = parse("put", "{\"pv\": \"WAVE\", \"value\": [1, 2.5, -3e2]}");
        assertThat(r.ok()).isTrue();
        assertThat((double[]) r.value()).containsExactly(1, 2.5, -300);
        assertThat(parse("put", "{\"pv\": \"WAVE\", \"value\": [1, \"x\"]}").error()).contains("only numbers");
    }

    @Test
    void malformedBodiesNameTheProblem() {
        assertThat(parse("enable", "not json").error()).startsWith("the body is not valid JSON").contains("Unrecognized token 'not'", "position 3");
        assertThat(parse("enable", "{\"id\": 1").error()).contains("not valid JSON", "Unexpected end-of-input");
        assertThat(parse("enable", "[1, 2]").error()).contains("not a JSON object");
        assertThat(parse("enable", "42").error()).contains("not a JSON object");
        assertThat(parse("enable", "\"text\"").error()).contains("not a JSON object");
        assertThat(parse("enable", "{\"id\": {\"a\": 1}}").error()).isEqualTo("id must be a string or an integer");
        assertThat(parse("enable", "{\"id\": true}").error()).isEqualTo("id must be a string or an integer");
        assertThat(parse("enable", "{\"id\": 1.5}").error()).isEqualTo("id must be a string or an integer");
        assertThat(parse("enable", "{\"reply_to\": 5}").error()).contains("reply_to must be a topic");
        assertThat(parse("enable", "{\"reply_to\": \"a/#\"}").error()).contains("wildcards");
        assertThat(parse("put", "{\"value\": 1}").error()).isEqualTo("put needs \"pv\": the PV's short name");
        assertThat(parse("put", "{\"pv\": 3, \"value\": 1}").error()).contains("\"pv\" must be a string");
        assertThat(parse("put", "{\"pv\": \"SETPOINT\"}").error()).isEqualTo("put needs \"value\"");
        assertThat(parse("put", "{\"pv\": \"SETPOINT\", \"value\": null}").error()).contains("\"value\" must be");
        assertThat(parse("put", "{\"pv\": \"SETPOINT\", \"value\": {}}").error()).contains("\"value\" must be");
        byte[] latin1 = {'{', (byte) 0xff, '}'};
        assertThat(CommandRequest.parse(BASE, BASE + "/cmd/monitor/enable", latin1, ALL).error()).contains("not UTF-8");
    }

    @Test
    void theIdOfAMalformedCommandIsEchoedWhenItCanBe() {
        CommandRequest r = parse("put", "{\"id\": \"x9\", \"pv\": \"SETPOINT\"}");
        assertThat(r.id()).isEqualTo("x9");
        assertThat(Json.write(r.reply(false, r.error(), null)))
                .isEqualTo("{\"id\":\"x9\",\"ok\":false,\"command\":\"put\",\"plugin\":\"monitor\",\"message\":\"put needs \\\"value\\\"\",\"result\":null}");
    }

    @Test
    void unknownAndNotAllowedCommands() {
        assertThat(parse("explode", "{}").error()).isEqualTo("unknown command 'explode', expected one of enable, disable, run, trigger, put");
        CommandPolicy some = policy(Map.of("commands", new String[] {"enable", " disable"}, "command_plugins", "monitor,pulse"));
        assertThat(parse(BASE + "/cmd/monitor/put", "{\"pv\": \"SETPOINT\", \"value\": 1}", some).error())
                .isEqualTo("command 'put' is not allowed (allowed: enable,disable): set commands (TASKHOST_MQTT_COMMANDS) to allow it");
        assertThat(parse(BASE + "/cmd/monitor/enable", "{}", some).ok()).isTrue();
        assertThat(parse(BASE + "/cmd/scaler/enable", "{}", some).error()).isEqualTo("commands to plugin 'scaler' are not allowed: set command_plugins (TASKHOST_MQTT_COMMAND_PLUGINS) to allow it");
    }

    @Test
    void topicsThatAreNotCommandsAreNull() {
        assertThat(parse("other/box1/cmd/monitor/enable", "{}", ALL)).isNull();
        assertThat(parse(BASE + "/cmd/monitor/enable/more", "{}", ALL)).isNull();
        assertThat(parse(BASE + "/cmd//enable", "{}", ALL)).isNull();
        assertThat(CommandRequest.filter(BASE)).isEqualTo("th/box1/cmd/+/+");
    }

    @Test
    void thePolicyFromConfigurationAndEnvironment() {
        CommandPolicy d = policy(Map.of("commands", new String[] {"enable", "disable", "run", "trigger", "put"}, "command_plugins", "*"));
        assertThat(d.commands()).isEqualTo(Set.of("enable", "disable", "run", "trigger", "put"));
        assertThat(d.plugins()).isNull();
        assertThat(d.summary("th/box1/cmd/+/+")).isEqualTo("MQTT commands on th/box1/cmd/+/+: enable, disable, run, trigger, put for every plugin");
        assertThat(policy(Map.of("commands", "")).commands()).as("empty in the configuration: none").isEmpty();
        assertThat(policy(Map.of("commands", new String[] {""})).commands()).as("an empty variable: none").isEmpty();
        assertThat(policy(Map.of("commands", "none")).commands()).isEmpty();
        CommandPolicy env = policy(Map.of("commands", "Run,PUT", "command_plugins", "pulse", "commandPluginsFromEnvironment", "monitor"));
        assertThat(env.commands()).isEqualTo(Set.of("run", "put"));
        assertThat(env.plugins()).as("TASKHOST_MQTT_COMMAND_PLUGINS wins").isEqualTo(Set.of("monitor"));
        assertThat(env.describeCommands()).isEqualTo("run,put");
        assertThat(policy(Map.of("command_plugins", "pulse", "commandPluginsFromEnvironment", new String[] {""})).plugins())
                .as("an empty variable: the file's").isEqualTo(Set.of("pulse"));
        assertThat(policy(Map.of("command_plugins", "")).plugins()).as("empty: no plugin").isEmpty();
        assertThatThrownBy(() -> policy(Map.of("commands", "enable,reboot")))
                .hasMessage("TASKHOST_MQTT_COMMANDS: unknown command 'reboot', expected some of enable,disable,run,trigger,put or none");
        assertThatThrownBy(() -> policy(Map.of("commands", "enable", "command_plugins", "monitor,*"))).hasMessageStartingWith("TASKHOST_MQTT_COMMAND_PLUGINS:");
    }

    @Test
    void withoutASettingNoCommandIsAccepted() {
        CommandPolicy p = policy(Map.of());
        assertThat(p.commands()).isEmpty();
        assertThat(p.describeCommands()).isEqualTo("none");
        assertThat(p.summary("th/box1/cmd/+/+")).isEqualTo("MQTT commands: none accepted (set TASKHOST_MQTT_COMMANDS)");
        assertThat(parse(BASE + "/cmd/monitor/put", "{\"id\": 1, \"pv\": \"SETPOINT\", \"value\": 1}", p).error())
                .isEqualTo("command 'put' is not allowed (allowed: none): set commands (TASKHOST_MQTT_COMMANDS) to allow it");
        assertThat(policy(Map.of("commands", "  ")).commands()).isEmpty();
        CommandPolicy put = policy(Map.of("commands", "put"));
        assertThat(put.summary("th/box1/cmd/+/+")).isEqualTo("MQTT commands on th/box1/cmd/+/+: put for every plugin");
    }

    @Test
    void noMalformedSettingIsReadWiderThanWritten() {
        assertThat(policy(Map.of("commands", "put", "command_plugins", "")).plugins()).as("an empty plugin list: no plugin").isEmpty();
        assertThat(policy(Map.of("commands", "put", "command_plugins", " , ")).plugins()).isEmpty();
        CommandPolicy noPlugin = policy(Map.of("commands", "put", "command_plugins", ""));
        assertThat(noPlugin.allowsPlugin("monitor")).isFalse();
        assertThat(noPlugin.describePlugins()).isEqualTo("none");
        assertThat(noPlugin.summary("f")).isEqualTo("MQTT commands: none accepted, command_plugins names no plugin (set TASKHOST_MQTT_COMMAND_PLUGINS)");
        assertThat(policy(Map.of("commands", "put", "command_plugins", "monitor pulse")).allowsPlugin("monitor")).as("spaces do not separate").isFalse();
        assertThat(policy(Map.of("commands", "put", "command_plugins", "Monitor")).allowsPlugin("monitor")).as("names are exact").isFalse();
        assertThat(policy(Map.of("commands", "put", "command_plugins", "monitor")).summary("f")).isEqualTo("MQTT commands on f: put for monitor");
        // anything not understood is refused with the variable's name (and the view then stays off), never widened
        for (String bad : List.of("all", "*", "enable disable", "none,put", "put;run", "yes")) {
            assertThatThrownBy(() -> policy(Map.of("commands", bad, "command_plugins", "*"))).as(bad).hasMessageStartingWith("TASKHOST_MQTT_COMMANDS:");
        }
        assertThatThrownBy(() -> policy(Map.of("commands", "put", "command_plugins", "*,monitor"))).hasMessageStartingWith("TASKHOST_MQTT_COMMAND_PLUGINS:");
        assertThatThrownBy(() -> policy(Map.of("commands", "put", "command_plugins", "monitor, *"))).hasMessageStartingWith("TASKHOST_MQTT_COMMAND_PLUGINS:");
    }

    @Test
    void jsonParsesAndWritesNestedValues() {
        Object v = Json.parse("{\"a\": [1, 2.5, true, null, \"x\\n\\u0041\"], \"b\": {}}");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, 2.5, true, null, "x\nA"), "b", Map.of()));
        assertThat(Json.write(Map.of("r", Map.of("data", List.of(1, "two")), "w", new double[] {1.5}))).contains("\"r\":{\"data\":[1,\"two\"]}",
                "\"w\":[1.5]");
        for (String bad : List.of("", "{", "{\"a\" 1}", "{a: 1}", "[1,]", "tru", "01x", "1.", "{\"a\":1}}", "\"abc")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        }
    }
}
