package org.taskhost.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.taskhost.api.device.DeviceException;

class NoAnswerTest {

    @Test
    void aTimeoutAnywhereAmongTheCausesIsNoAnswer() {
        assertThat(NoAnswer.in(new TimeoutException())).isTrue();
        assertThat(NoAnswer.in(new DeviceException("no answer", new IOException("after 3 tries", new TimeoutException())))).isTrue();
    }

    @Test
    void theMessageIsNotLookedAt() {
        assertThat(NoAnswer.in(new DeviceException("timeout: did not answer", new IOException("no answer")))).isFalse();
        assertThat(NoAnswer.in(null)).isFalse();
    }
}
