package org.taskhost.codec;

/** A payload that cannot be decoded: too short, a wrong CRC, a missing tag. The message is the reason. */
public class BadFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadFrameException(String reason) {
        super(reason);
    }
}
