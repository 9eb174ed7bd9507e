package org.taskhost.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code org.taskhost.mqtt}. The {@code TASKHOST_MQTT_*} environment variables win over each
 * attribute when they are set and not empty.
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

    @AttributeDefinition(required = false, description = "First level of every topic (TASKHOST_MQTT_ROOT)")
    String root() default "taskhost";

    @AttributeDefinition(required = false, description = "This taskhost's name in topics; empty: the host name (TASKHOST_MQTT_NODE)")
    String node() default "";

    @AttributeDefinition(required = false, description = "Commands accepted on {root}/{node}/cmd/{plugin}/{command}: some of enable,disable,run,trigger,put; empty or none: no command, the default (TASKHOST_MQTT_COMMANDS)")
    String commands() default CommandPolicy.NONE;

    /** Property {@code command_plugins}. */
    @AttributeDefinition(required = false, description = "Plugins commands may address: * or a comma list of names; empty: none (TASKHOST_MQTT_COMMAND_PLUGINS)")
    String command__plugins() default "*";

    @AttributeDefinition(required = false, description = "At most one PV message per PV per this many seconds, the newest value; 0: every change (TASKHOST_MQTT_PV_INTERVAL)")
    String pvInterval() default "0.1";

    @AttributeDefinition(required = false, description = "Trust store (PKCS12 or JKS) holding the CA of an ssl:// broker; empty: the JVM's (TASKHOST_MQTT_TRUSTSTORE)")
    String trustStore() default "";

    @AttributeDefinition(required = false, type = AttributeType.PASSWORD, description = "Password of the trust store (TASKHOST_MQTT_TRUSTSTORE_PASSWORD)")
    String trustStorePassword() default "";

    @AttributeDefinition(required = false, description = "Most QoS 1 messages kept while the broker is away, oldest dropped first; 0: none (TASKHOST_MQTT_BUFFER)")
    String buffer() default "10000";
}
