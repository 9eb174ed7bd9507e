package org.taskhost.mqtt.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** An {@link MqttConfig} as Config Admin would give it: the annotation's defaults, some overridden. */
final class TestConfigs {

    private TestConfigs() {
    }

    static MqttConfig config(Map<String, String> values) {
        return (MqttConfig) Proxy.newProxyInstance(MqttConfig.class.getClassLoader(), new Class<?>[] {MqttConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> MqttConfig.class;
                    case "toString" -> "MqttConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }
}
