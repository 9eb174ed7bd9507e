package org.taskhost.api.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A component's typed configuration attributes, read so that a wrong value names its setting. Declarative Services
 * converts an attribute when the component calls its method, and a text that is not of the attribute's type
 * ({@code 50x} for an {@code int}) throws there: {@link #typed} turns that into a message that starts with the
 * setting's name. A setting is named by its environment variable where etc/ maps one to it, since that is the name
 * users set; {@code etc/<pid>.cfg} shows which attribute it is.
 */
public final class Setting {

    /** How an interpolation placeholder starts: one left in a value was not replaced. */
    public static final String PLACEHOLDER = "$[";
    /** How Java's number parsers (Declarative Services) and the OSGi Converter name the value they refused. */
    private static final Pattern REFUSED = Pattern.compile("\"(.*)\"|^Cannot convert (.*) to ");

    private Setting() {
    }

    /**
     * @param name the setting's name for the message
     * @param expected what a right value looks like, for the message ("a port number")
     * @param attribute the attribute's method on the component's configuration
     * @return the typed value
     * @throws IllegalArgumentException {@code name: expected ..., got '...'} when the value is not of the type
     */
    public static <T> T typed(String name, String expected, Supplier<T> attribute) {
        try {
            return attribute.get();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": expected " + expected + ", got " + given(e));
        }
    }

    /**
     * @param name the setting's name for the message
     * @param value the attribute's text, null for none
     * @return the text, trimmed; empty for none
     * @throws IllegalArgumentException when a placeholder in it was not replaced (its variable unset and no default)
     */
    public static String text(String name, String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException(name + ": the placeholder in '" + value + "' was not replaced"
                    + " (its variable is not set and it has no default, or Config Admin's interpolation plugin is not running)");
        }
        return value.trim();
    }

    /**
     * A list attribute: each element may itself be a comma list (a line of a .cfg file written by hand is one text).
     *
     * @param name the setting's name for the message
     * @param values the attribute's elements, null for none
     * @return the entries, trimmed, without empty ones, in order
     * @throws IllegalArgumentException when a placeholder in them was not replaced
     */
    public static List<String> list(String name, String[] values) {
        List<String> entries = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String entry : text(name, value).split(",")) {
                    if (!entry.isBlank()) {
                        entries.add(entry.trim());
                    }
                }
            }
        }
        return List.copyOf(entries);
    }

    /** The value the conversion refused, quoted, else the reason. */
    private static String given(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        Matcher refused = REFUSED.matcher(message);
        return refused.find() ? "'" + (refused.group(1) != null ? refused.group(1) : refused.group(2)) + "'" : message;
    }
}
