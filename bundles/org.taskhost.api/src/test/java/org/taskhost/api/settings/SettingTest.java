package org.taskhost.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingTest {

    @Test
    void aValueThatIsNotOfTheTypeIsRefusedByTheSettingsName() {
        // what Declarative Services throws when an int attribute holds 50x: its exception around the parser's
        assertThatThrownBy(() -> Setting.typed("EPICS_CAS_SERVER_PORT", "a port number", () -> {
            throw new IllegalStateException(new NumberFormatException("For input string: \"50x\""));
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("EPICS_CAS_SERVER_PORT: expected a port number, got '50x'");
        assertThatThrownBy(() -> Setting.typed("TASKHOST_MQTT_BUFFER", "a number", () -> {
            throw new IllegalArgumentException("Cannot convert lots to class java.lang.Integer");
        })).hasMessage("TASKHOST_MQTT_BUFFER: expected a number, got 'lots'");
        assertThat(Setting.typed("X", "a number", () -> 5064)).isEqualTo(5064);
    }

    @Test
    void aPlaceholderLeftInAValueIsRefusedAndTextIsTrimmed() {
        assertThatThrownBy(() -> Setting.text("TASKHOST_TOKENS", "$[env:TASKHOST_TOKENS]"))
                .hasMessageStartingWith("TASKHOST_TOKENS: the placeholder in '$[env:TASKHOST_TOKENS]' was not replaced");
        assertThat(Setting.text("X", " tcp://h:1883 ")).isEqualTo("tcp://h:1883");
        assertThat(Setting.text("X", null)).isEmpty();
    }

    @Test
    void aListIsItsElementsEachSplitAtCommas() {
        assertThat(Setting.list("X", new String[] {"run, put", "", "enable"})).containsExactly("run", "put", "enable");
        assertThat(Setting.list("X", new String[] {""})).isEmpty();
        assertThat(Setting.list("X", null)).isEmpty();
        assertThatThrownBy(() -> Setting.list("TASKHOST_MQTT_COMMANDS", new String[] {"run", "$[env:X]"}))
                .hasMessageStartingWith("TASKHOST_MQTT_COMMANDS: the placeholder");
    }
}
