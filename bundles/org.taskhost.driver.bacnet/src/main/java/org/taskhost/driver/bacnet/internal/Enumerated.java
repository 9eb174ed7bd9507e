package org.taskhost.driver.bacnet.internal;

/** An enumerated value with its name where the standard names it (units, binary states, ...). */
public record Enumerated(long value, String name) {
    @Override
    public String toString() {
        return name == null ? String.valueOf(value) : name;
    }
}
