package org.taskhost.mqtt.internal;

import java.util.Map;

import org.osgi.util.converter.Converters;

/**
 * An {@link MqttConfig} as Declarative Services gives it: the annotation's defaults, some overridden, and each value
 * converted to its attribute's type when the attribute is read (a text that is not of the type throws then).
 */
final class TestConfigs {

    private TestConfigs() {
    }

    static MqttConfig config(Map<String, ?> values) {
        return Converters.standardConverter().convert(values).to(MqttConfig.class);
    }
}
