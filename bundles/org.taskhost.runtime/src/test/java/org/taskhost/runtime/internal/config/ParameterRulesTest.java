package org.taskhost.runtime.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.taskhost.api.config.ConfigException;
import org.taskhost.api.config.ConfigProblem;
import org.taskhost.api.runtime.PluginKind;
import org.taskhost.api.runtime.PluginMode;

class ParameterRulesTest {

    private final ConfigParser parser = new ConfigParser("config.yaml");

    @Test
    void overridesFollowTheRulesOfConfigYaml() throws Exception {
        PluginDescriptor task = parser.parse("parameters:\n  interval: 1.0\n  gain: 2\n");
        for (Object bad : new Object[] {0, -1.5, "fast", true}) {
            assertThatThrownBy(() -> ParameterRules.merge(task, Map.of("interval", bad)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::field)
                    .containsExactly("parameters.interval"));
        }
        assertThatThrownBy(() -> ParameterRules.merge(task, Map.of("timeout", 0, "mode", "sometimes")))
            .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::field)
                .containsExactlyInAnyOrder("parameters.timeout", "parameters.mode"));
        PluginDescriptor merged = ParameterRules.merge(task, Map.of("interval", 0.25, "mode", "triggered"));
        assertThat(merged.parameters()).containsEntry("interval", 0.25).containsEntry("gain", 2);
        assertThat(merged.mode()).isEqualTo(PluginMode.TRIGGERED);
    }

    @Test
    void iocmngsModeJobIsAJobAndStaysOne() throws Exception {
        PluginDescriptor job = parser.parse("parameters:\n  mode: job\n  timeout: 30\n");
        assertThat(job.kind()).contains(PluginKind.JOB);
        assertThat(job.mode()).isEqualTo(PluginMode.ON_REQUEST);
        assertThatThrownBy(() -> ParameterRules.merge(job, Map.of("mode", "continuous")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("parameters.mode");
        PluginDescriptor task = parser.parse("parameters:\n  interval: 1\n");
        assertThat(task.kind()).isEmpty();
        assertThatThrownBy(() -> ParameterRules.merge(task, Map.of("mode", "job")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("a task cannot become a job");
    }
}
