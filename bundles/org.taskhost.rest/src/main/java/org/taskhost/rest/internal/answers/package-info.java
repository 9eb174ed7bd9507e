/**
 * The bodies of the REST answers and events as records, written by the one configuration of
 * {@link org.taskhost.json.TaskhostJson} (components in camelCase, fields in snake_case). Each record has a schema of
 * its name in {@code openapi.json}, with the same properties: {@code OpenApiMatchesAnswersIT} (in the launcher) checks both ways.
 */
package org.taskhost.rest.internal.answers;
