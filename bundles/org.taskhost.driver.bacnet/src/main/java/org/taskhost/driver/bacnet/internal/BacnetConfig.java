package org.taskhost.driver.bacnet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of PID {@code org.taskhost.driver.bacnet}. A double underscore in a method name is one underscore in
 * the property's name (local__port is local_port): a single one would be a dot, and the file's values would be ignored.
 */
@ObjectClassDefinition(name = "taskhost BACnet/IP driver",
        description = "The driver's one UDP port for all BACnet devices, and defaults for devices that set none")
public @interface BacnetConfig {
    @AttributeDefinition(min = "0", max = "65535", description = "Local UDP port of the client (BACnet/IP's own is 47808; TASKHOST_BACNET_PORT)")
    int local__port() default 47808;

    @AttributeDefinition(description = "Local address to bind, 0.0.0.0 for all interfaces (TASKHOST_BACNET_BIND)")
    String bind__address() default "0.0.0.0";

    @AttributeDefinition(description = "Properties per ReadPropertyMultiple request when a device sets no max_per_request")
    int max__per__request() default 20;

    @AttributeDefinition(description = "Where discovery sends Who-Is when no address is given: host:port[,host:port...]")
    String discovery__address() default "255.255.255.255:47808";

    @AttributeDefinition(description = "SubscribeCOV lifetime in seconds when a device sets no cov_lifetime; renewed at half")
    int cov__lifetime() default 300;
}
