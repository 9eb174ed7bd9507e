package org.taskhost.rest.internal.answers;

import java.util.List;

/**
 * @param runs a job's recent runs
 * @param count how many
 */
public record JobRuns(List<JobRun> runs, int count) {

    public JobRuns(List<JobRun> runs) {
        this(runs, runs.size());
    }
}
