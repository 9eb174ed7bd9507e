package org.taskhost.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of PID {@code org.taskhost.mqtt}. etc/org.taskhost.mqtt.cfg maps each {@code TASKHOST_MQTT_*}
 * environment variable to its attribute (named in brackets); a wrong value is refused by the variable's name.
 */
@ObjectClassDefinition(name = "taskhost MQTT view", description = "Publishes taskhost's status and plugin states to a broker")
public @interface MqttConfig {

    @AttributeDefinition(required = false, description = "Broker URL, tcp://host:port or ssl://host:port; empty: MQTT off (TASKHOST_MQTT_URL)")
    String url() default "";

    @AttributeDefinition(required = false, description = "MQTT client id; empty: taskhost-<node> (TASKHOST_MQTT_CLIENT_ID)")
    String clientId() default "";

    @AttributeDefinition(required = false, description = "User name; empty: none (TASKHOST_MQTT_USERNAME)")
    String username() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Password (TASKHOST_MQTT_PASSWORD)")
    String password() default "";

    @AttributeDefinition(required = false, description = "First level(s) of every topic; empty: taskhost (TASKHOST_MQTT_ROOT)")
    String root() default "taskhost";

    @AttributeDefinition(required = false, description = "This taskhost's name in topics; empty: the host name (TASKHOST_MQTT_NODE)")
    String node() default "";

    @AttributeDefinition(required = false, cardinality = 6, description = "Commands accepted on {root}/{node}/cmd/{plugin}/{command};"
            + " none or nothing: no command, the default (TASKHOST_MQTT_COMMANDS)", options = {@Option(value = "enable"),
            @Option(value = "disable"), @Option(value = "run"), @Option(value = "trigger"), @Option(value = "put"),
            @Option(value = CommandPolicy.NONE)})
    String[] commands() default {CommandPolicy.NONE};

    /** Property {@code command_plugins}. */
    @AttributeDefinition(required = false, cardinality = Integer.MAX_VALUE, description = "Plugins commands may address: * or plugin"
            + " names; nothing: none. TASKHOST_MQTT_COMMAND_PLUGINS (commandPluginsFromEnvironment) wins when not empty")
    String[] command__plugins() default {"*"};

    /** The environment's plugin list, kept apart from command_plugins so that etc/ may set one and the environment another. */
    @AttributeDefinition(required = false, cardinality = Integer.MAX_VALUE, description = "TASKHOST_MQTT_COMMAND_PLUGINS: "
            + "when not empty, in place of command_plugins")
    String[] commandPluginsFromEnvironment() default {};

    @AttributeDefinition(required = false, min = "0", max = "86400", description = "At most one PV message per PV per this many"
            + " seconds, the newest value; 0: every change (TASKHOST_MQTT_PV_INTERVAL)")
    double pvInterval() default 0.1;

    @AttributeDefinition(required = false, description = "Trust store (PKCS12 or JKS) holding the CA of an ssl:// broker; empty: the JVM's (TASKHOST_MQTT_TRUSTSTORE)")
    String trustStore() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Password of the trust store (TASKHOST_MQTT_TRUSTSTORE_PASSWORD)")
    String trustStorePassword() default "";

    @AttributeDefinition(required = false, min = "0", max = "1000000", description = "Most QoS 1 messages kept while the broker is"
            + " away, oldest dropped first; 0: none (TASKHOST_MQTT_BUFFER)")
    int buffer() default 10_000;
}
