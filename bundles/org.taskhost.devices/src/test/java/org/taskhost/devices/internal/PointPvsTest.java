package org.taskhost.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointPvsTest {

    @Test
    void anInputsEchoOfAFollowedValueIsRecognizedAcrossTypes() {
        assertThat(PointPvs.same(3L, 3.0)).as("an int PV showing a float point").isTrue();
        assertThat(PointPvs.same(1, true)).as("a bool PV showing a bool point").isTrue();
        assertThat(PointPvs.same(0, false)).isTrue();
        assertThat(PointPvs.same("auto", "auto")).isTrue();
        assertThat(PointPvs.same(23.5, 20.0)).as("a client's put").isFalse();
        assertThat(PointPvs.same(1, false)).isFalse();
        assertThat(PointPvs.same(0.0, null)).as("nothing shown yet").isFalse();
    }
}
