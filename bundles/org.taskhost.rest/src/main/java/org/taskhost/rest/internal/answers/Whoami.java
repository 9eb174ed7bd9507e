package org.taskhost.rest.internal.answers;

import java.util.List;

/**
 * {@code GET /api/v1/whoami}: the token's role and the roles it includes.
 *
 * @param role the token's role
 * @param roles it and the roles below it
 * @param openReads whether reads need no token
 */
public record Whoami(String role, List<String> roles, boolean openReads) {
}
