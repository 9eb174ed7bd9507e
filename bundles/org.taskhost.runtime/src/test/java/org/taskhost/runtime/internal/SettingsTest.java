package org.taskhost.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.util.converter.Converters;

class SettingsTest {

    /** The configuration as Declarative Services gives it, with the annotation's defaults for what is not set. */
    static RuntimeConfig config(Map<String, ?> values) {
        return Converters.standardConverter().convert(values).to(RuntimeConfig.class);
    }

    private static Settings resolve(Map<String, ?> values) {
        return Settings.resolve(name -> null, config(values));
    }

    @Test
    void defaultPrefixIsBeamlineAndNamespaceAsInIocmng() {
        assertThat(resolve(Map.of()).prefix()).isEqualTo("BEAMLINE:DEFAULT");
    }

    @Test
    void equalBeamlineAndNamespaceGiveOneSegment() {
        assertThat(resolve(Map.of("beamline", "sparc", "namespace", "SPARC")).prefix()).isEqualTo("SPARC");
    }

    @Test
    void aPrefixWinsOverBeamlineAndNamespace() {
        assertThat(resolve(Map.of("prefix", "old:name", "beamline", "B")).prefix()).isEqualTo("OLD:NAME");
        assertThat(resolve(Map.of("prefix", " ", "beamline", "lab", "namespace", "ns")).prefix()).isEqualTo("LAB:NS");
        assertThatThrownBy(() -> resolve(Map.of("prefix", "$[env:TASKHOST_PREFIX]")))
                .hasMessageStartingWith("TASKHOST_PREFIX: the placeholder in '$[env:TASKHOST_PREFIX]' was not replaced");
    }

    @Test
    void theOneDataDirectory() {
        assertThat(Settings.resolve(Map.of("taskhost.data", "/srv/th/../taskhost")::get, config(Map.of())).dataDir())
                .isEqualTo(Path.of("/srv/taskhost"));
    }
}
