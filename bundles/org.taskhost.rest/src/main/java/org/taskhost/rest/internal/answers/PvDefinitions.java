package org.taskhost.rest.internal.answers;

import java.util.Map;

/**
 * iocmng's {@code pv_definitions}: config.yaml's PVs by name.
 *
 * @param inputs the inputs
 * @param outputs the outputs, without the {@code <INPUT>_CONN} ones the runtime adds for linked inputs
 */
public record PvDefinitions(Map<String, PvDefinition> inputs, Map<String, PvDefinition> outputs) {
}
