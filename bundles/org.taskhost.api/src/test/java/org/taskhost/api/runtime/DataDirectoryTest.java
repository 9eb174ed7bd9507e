package org.taskhost.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void configurationThenEnvironmentThenFrameworkPropertyThenDefault() {
        Map<String, String> env = Map.of("TASKHOST_DATA", "/srv/env");
        Map<String, String> props = Map.of("taskhost.data", "/srv/prop");
        assertThat(DataDirectory.resolve("/srv/cfg", env::get, props::get)).isEqualTo(Path.of("/srv/cfg"));
        assertThat(DataDirectory.resolve(" ", env::get, props::get)).isEqualTo(Path.of("/srv/env"));
        assertThat(DataDirectory.resolve("", n -> null, props::get)).isEqualTo(Path.of("/srv/prop"));
        assertThat(DataDirectory.resolve("", n -> null, n -> null)).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(DataDirectory.resolve("/a/b/../c", n -> null, n -> null)).isEqualTo(Path.of("/a/c"));
    }
}
