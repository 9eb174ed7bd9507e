package org.taskhost.rest.internal.answers;

/**
 * iocmng's answer to {@code POST /pvs/get}.
 *
 * @param ok whether the PV was read
 * @param pvName the PV
 * @param value its value, null if not read
 * @param error why not, or null
 */
public record PvRead(boolean ok, String pvName, Object value, String error) {
}
