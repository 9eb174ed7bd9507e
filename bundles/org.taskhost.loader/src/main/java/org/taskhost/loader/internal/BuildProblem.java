package org.taskhost.loader.internal;

import java.util.List;

import org.taskhost.api.loader.ValidationProblem;

/** A build step failed; carries every problem found by that step, each naming its file or field. */
final class BuildProblem extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<ValidationProblem> problems;

    BuildProblem(String problem) {
        this(List.of(ValidationProblem.of(problem)));
    }

    BuildProblem(List<ValidationProblem> problems) {
        super(String.join("; ", problems.stream().map(ValidationProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    List<ValidationProblem> problems() {
        return problems;
    }
}
