package org.taskhost.driver.bacnet.internal;

import java.util.concurrent.TimeoutException;

/**
 * No answer from a device after all retries. Its cause is a {@link TimeoutException}: that is how the devices bundle
 * tells a device that did not answer (504) from one that refused (502), whatever the message says.
 */
public class BacnetTimeoutException extends BacnetException {
    private static final long serialVersionUID = 1L;

    public BacnetTimeoutException(String message) {
        super(message, new TimeoutException("no answer"));
    }
}
