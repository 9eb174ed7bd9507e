package org.taskhost.api.config;

import java.util.Objects;

/**
 * One entry of config.yaml's {@code triggers:} list: something outside taskhost that runs the plugin (the Edge
 * Workflow Agent's {@code mqtt} trigger). A triggered task runs one cycle and a job one run per event; a reactive
 * task gets the event's value put into {@link #input()}, which runs it. With an {@code input}, a triggered task or a
 * job gets the value put there before it runs. The view that owns the {@link #type()} follows the trigger: the MQTT
 * view for {@link #MQTT}, the devices bundle for {@link #POINT}.
 *
 * @param type {@link #MQTT} or {@link #POINT}; other types may be added in minor versions
 * @param source an MQTT topic filter (wildcards {@code +} and {@code #} allowed) or a point as {@code device/point}
 * @param input the input PV that receives the value, or null
 * @param field for a JSON payload, the field (dotted path, such as {@code reading.value}) whose value is put; null
 *        for the whole payload
 */
public record TriggerSpec(String type, String source, String input, String field) {

    /** A message on an MQTT topic: {@code - mqtt: site/+/alarm}. */
    public static final String MQTT = "mqtt";
    /** A new value of a device's point (a BACnet COV, a BLE notification, a poll): {@code - point: ahu1/temp}. */
    public static final String POINT = "point";

    /** Checks the fields. */
    public TriggerSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (field != null && input == null) {
            throw new IllegalArgumentException("a field needs an input to put its value into");
        }
    }
}
