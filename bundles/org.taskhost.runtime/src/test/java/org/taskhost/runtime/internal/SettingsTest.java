package org.taskhost.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    static RuntimeConfig config(String prefix, String beamline, String namespace) {
        return new RuntimeConfig() {
            @Override public Class<? extends Annotation> annotationType() { return RuntimeConfig.class; }
            @Override public String prefix() { return prefix; }
            @Override public String beamline() { return beamline; }
            @Override public String namespace() { return namespace; }
            @Override public String logLevel() { return "info"; }
        };
    }

    private static Settings resolve(Map<String, String> env, RuntimeConfig c) {
        return Settings.resolve(env::get, name -> null, c);
    }

    @Test
    void defaultPrefixIsBeamlineAndNamespaceAsInIocmng() {
        assertThat(resolve(Map.of(), config("", "BEAMLINE", "DEFAULT")).prefix()).isEqualTo("BEAMLINE:DEFAULT");
    }

    @Test
    void equalBeamlineAndNamespaceGiveOneSegment() {
        assertThat(resolve(Map.of(), config("", "sparc", "SPARC")).prefix()).isEqualTo("SPARC");
    }

    @Test
    void environmentWinsAndIocmngNamesAreAliases() {
        RuntimeConfig c = config("CFG", "B", "N");
        assertThat(resolve(Map.of(), c).prefix()).isEqualTo("CFG");
        assertThat(resolve(Map.of("IOCMNG_PREFIX", "old:name"), c).prefix()).isEqualTo("OLD:NAME");
        assertThat(resolve(Map.of("TASKHOST_PREFIX", "NEW", "IOCMNG_PREFIX", "OLD"), c).prefix()).isEqualTo("NEW");
        assertThat(resolve(Map.of("TASKHOST_BEAMLINE", "lab", "TASKHOST_NAMESPACE", "ns"), config("", "B", "N")).prefix())
            .isEqualTo("LAB:NS");
    }

    @Test
    void dataFromTheEnvironment() {
        assertThat(resolve(Map.of("TASKHOST_DATA", "/srv/th/../taskhost"), config("", "B", "N")).dataDir())
            .isEqualTo(java.nio.file.Path.of("/srv/taskhost"));
    }
}
