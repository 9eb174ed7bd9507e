package org.taskhost.devices.internal;

import java.util.concurrent.TimeoutException;

/**
 * Whether a failed read or write means that the device did not answer (504) rather than that it refused or failed
 * otherwise (502). A driver says so by the type of what it throws: a {@link TimeoutException}, or an exception caused
 * by one (the BACnet driver's "no answer after N tries", the BLE driver's connect that did not complete); its message
 * is for people and is not looked at.
 */
final class NoAnswer {

    private NoAnswer() {
    }

    /** @param failure what a read or write through the device's worker failed with, wrappers included */
    static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
