package org.taskhost.rest.internal.answers;

/**
 * iocmng's answer to {@code POST /pvs/put}.
 *
 * @param ok whether the plugin took the value
 * @param pvName the PV
 * @param error why not, or null
 */
public record PvWrite(boolean ok, String pvName, String error) {
}
