package org.taskhost.rest.internal.answers;

import java.util.Map;

/**
 * @param ok true
 * @param message what was updated
 * @param parameters the parameters as sent
 */
public record ParametersAnswer(boolean ok, String message, Map<String, Object> parameters) {
}
