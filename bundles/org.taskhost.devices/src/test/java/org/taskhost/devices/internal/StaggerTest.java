package org.taskhost.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StaggerTest {

    @Test
    void twoHundredDevicesAreSpreadOverTheInterval() {
        Duration interval = Duration.ofSeconds(1);
        int[] buckets = new int[10];
        for (int i = 0; i < 200; i++) {
            Duration phase = Stagger.phase("ahu-" + i, interval);
            assertThat(phase).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(interval);
            buckets[(int) (phase.toMillis() / 100)]++;
        }
        // 20 per tenth of the interval if perfectly even; a clump (everything at one instant) would put 200 in one
        for (int n : buckets) {
            assertThat(n).isBetween(8, 36);
        }
    }

    @Test
    void aDeviceKeepsItsPhase() {
        assertThat(Stagger.phase("boiler", Duration.ofSeconds(5))).isEqualTo(Stagger.phase("boiler", Duration.ofSeconds(5)));
        assertThat(Stagger.phase("boiler", Duration.ofSeconds(5))).isNotEqualTo(Stagger.phase("boiler2", Duration.ofSeconds(5)));
    }
}
