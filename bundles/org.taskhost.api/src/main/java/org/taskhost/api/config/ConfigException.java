package org.taskhost.api.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config.yaml or a set of parameters that cannot be used; carries every problem found, not only the first. */
public class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<ConfigProblem> problems;

    /** @param problems every problem, at least one */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
