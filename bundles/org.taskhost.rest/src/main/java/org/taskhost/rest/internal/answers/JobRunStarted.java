package org.taskhost.rest.internal.answers;

/**
 * The answer of a run that was not waited for.
 *
 * @param ok true
 * @param message where its result will be
 * @param runs the path of the job's runs
 */
public record JobRunStarted(boolean ok, String message, String runs) {
}
