package org.taskhost.driver.bacnet.internal;

/** The driver's one reading of a whole-number setting; its message says what is wrong, for the caller to put after the field. */
final class WholeNumber {

    private WholeNumber() {
    }

    /**
     * @param kind what the number is, for the message: "port number", "whole number", ...
     * @throws IllegalArgumentException if the text is not a number of that kind within min..max
     */
    static int parse(String value, int min, int max, String kind) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a " + kind);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(n + " is out of range " + min + ".." + max);
        }
        return n;
    }

    /** The same, with the field first in the message. */
    static int parse(String field, String value, int min, int max, String kind) {
        try {
            return parse(value, min, max, kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}
