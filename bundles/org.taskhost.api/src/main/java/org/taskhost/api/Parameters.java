package org.taskhost.api;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's parameters with typed getters. A getter returns its default when the key is
 * missing, and throws {@link IllegalArgumentException} naming the key when the value has the wrong type.
 */
@ProviderType
public interface Parameters {

    /**
     * @param key the parameter name
     * @return whether the parameter is set
     */
    boolean has(String key);

    /**
     * @param key the parameter name
     * @param defaultValue returned when the key is missing
     * @return the value as text
     */
    String getString(String key, String defaultValue);

    /**
     * @param key the parameter name
     * @param defaultValue returned when the key is missing
     * @return the value as a double (numbers and numeric text are accepted)
     */
    double getDouble(String key, double defaultValue);

    /**
     * @param key the parameter name
     * @param defaultValue returned when the key is missing
     * @return the value as a long (whole numbers and integer text are accepted)
     */
    long getLong(String key, long defaultValue);

    /**
     * @param key the parameter name
     * @param defaultValue returned when the key is missing
     * @return the value as a boolean (true/false, yes/no, on/off, 1/0)
     */
    boolean getBoolean(String key, boolean defaultValue);

    /** @return an unmodifiable view of all parameters */
    Map<String, Object> asMap();
}
