package org.taskhost.driver.ble.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumWithJitterAndResetsOnSuccess() {
        double[] random = {0.0};
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), () -> random[0]);
        assertThat(b.remaining(0)).isZero();
        // random 0: half the ceiling; random 1: all of it
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(100));
        random[0] = 1.0;
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(400));
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.failures()).isEqualTo(6);
        assertThat(b.remaining(0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(b.remaining(Duration.ofMillis(600).toNanos())).isEqualTo(Duration.ofMillis(400));
        assertThat(b.remaining(Duration.ofSeconds(5).toNanos())).isZero();
        b.succeeded();
        assertThat(b.failures()).isZero();
        assertThat(b.remaining(0)).isZero();
        random[0] = 0.5;
        assertThat(b.failed(0)).isEqualTo(Duration.ofMillis(75));
    }
}
