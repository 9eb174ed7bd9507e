package org.taskhost.runtime.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ParametersImplTest {

    private final ParametersImpl p = new ParametersImpl(Map.of("threshold", 75.0, "count", 3, "name", "ring", "on", "yes"));

    @Test
    void typedGettersWithDefaults() {
        assertThat(p.getDouble("threshold", 0)).isEqualTo(75.0);
        assertThat(p.getLong("count", 0)).isEqualTo(3);
        assertThat(p.getString("name", "")).isEqualTo("ring");
        assertThat(p.getBoolean("on", false)).isTrue();
        assertThat(p.getDouble("missing", 1.5)).isEqualTo(1.5);
        assertThat(p.has("missing")).isFalse();
    }

    @Test
    void aWrongTypeNamesTheParameter() {
        assertThatThrownBy(() -> p.getDouble("name", 0)).hasMessage("parameter 'name' must be a number, got 'ring'");
        assertThat(p.getLong("threshold", 0)).isEqualTo(75);
        assertThatThrownBy(() -> p.getBoolean("name", false)).hasMessage("parameter 'name' must be true or false, got 'ring'");
    }
}
