package org.taskhost.rest.internal.answers;

/** @param provider the protocol of the PVs: ca */
public record PvProvider(String provider) {
}
