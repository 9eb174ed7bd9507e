package org.taskhost.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoaderCommandsTest {

    @Test
    void theNameComesFromThePathOrTheRepository() {
        assertThat(LoaderCommands.defaultName("https://git.example.org/lab/beam-monitor.git", "")).isEqualTo("beam-monitor");
        assertThat(LoaderCommands.defaultName("file:///srv/repos/all.git", "tasks/vacuum")).isEqualTo("vacuum");
        assertThat(LoaderCommands.defaultName("git@host:lab/x.y.git", "")).isEqualTo("x-y");
    }

    @Test
    void parametersAreTyped() {
        assertThat(LoaderCommands.parameters("--param", "threshold=80.5", "count=3", "on=true", "label=ring"))
            .containsEntry("threshold", 80.5).containsEntry("count", 3L).containsEntry("on", true).containsEntry("label", "ring");
        assertThatThrownBy(() -> LoaderCommands.parameters("oops")).hasMessage("parameter 'oops' must be written k=v");
    }
}
