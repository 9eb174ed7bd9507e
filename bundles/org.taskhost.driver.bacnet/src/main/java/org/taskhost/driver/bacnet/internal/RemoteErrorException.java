package org.taskhost.driver.bacnet.internal;

/** A whole request answered with a BACnet error PDU, such as {@code object: unknown-object}. */
final class RemoteErrorException extends BacnetException {
    private static final long serialVersionUID = 1L;
    final String remoteError;

    RemoteErrorException(String remoteError) {
        super(remoteError);
        this.remoteError = remoteError;
    }
}
