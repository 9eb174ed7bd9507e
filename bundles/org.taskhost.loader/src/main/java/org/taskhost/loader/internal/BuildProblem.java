package org.taskhost.loader.internal;

import java.util.List;

/** A build step failed; carries every problem found by that step, each naming its file or field. */
final class BuildProblem extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    BuildProblem(String problem) {
        this(List.of(problem));
    }

    BuildProblem(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
