package org.taskhost.driver.bacnet.internal;

/** The device rejected a service it does not implement (for example ReadPropertyMultiple). */
public class ServiceUnsupportedException extends BacnetException {
    private static final long serialVersionUID = 1L;

    public ServiceUnsupportedException(String message) {
        super(message);
    }
}
