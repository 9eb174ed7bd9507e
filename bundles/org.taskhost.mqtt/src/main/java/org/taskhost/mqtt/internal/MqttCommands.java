package org.taskhost.mqtt.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code taskhost:mqtt}: the MQTT connection, its topics and counters. */
@Component(service = MqttCommands.class, property = {"osgi.command.scope=taskhost", "osgi.command.function=mqtt"})
public class MqttCommands {

    @Reference
    MqttView view;

    public String mqtt() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : view.describe().entrySet()) {
            b.append(String.format("%-18s %s%n", e.getKey(), e.getValue() == null ? "-" : e.getValue()));
        }
        return b.toString().stripTrailing();
    }
}
