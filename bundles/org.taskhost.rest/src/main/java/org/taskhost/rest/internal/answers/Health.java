package org.taskhost.rest.internal.answers;

/**
 * {@code GET /api/v1/health}, as iocmng answers it, with what the bounded hand-offs dropped.
 *
 * @param status ok
 * @param version the API version
 * @param tasksCount the tasks the model knows
 * @param jobsCount the jobs the model knows
 * @param dropped what was dropped
 * @param auth ok when tokens are checked, closed when everything is refused
 */
public record Health(String status, String version, long tasksCount, long jobsCount, DroppedCounts dropped, String auth) {

    /**
     * @param plugins messages and values the plugins dropped
     * @param views events and values the views dropped
     */
    public record DroppedCounts(long plugins, long views) {
    }
}
