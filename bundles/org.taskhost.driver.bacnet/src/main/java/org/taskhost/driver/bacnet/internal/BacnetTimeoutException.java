package org.taskhost.driver.bacnet.internal;

/** No answer from a device after all retries. */
public class BacnetTimeoutException extends BacnetException {
    private static final long serialVersionUID = 1L;

    public BacnetTimeoutException(String message) {
        super(message);
    }
}
