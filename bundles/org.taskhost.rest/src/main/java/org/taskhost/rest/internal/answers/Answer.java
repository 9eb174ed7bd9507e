package org.taskhost.rest.internal.answers;

/**
 * iocmng's answer to an operation: whether it worked, what happened, and the validation report if there was one.
 *
 * @param ok whether it worked
 * @param message what happened
 * @param validation the loader's report on the plugin, or null
 */
public record Answer(boolean ok, String message, Validation validation) {
}
