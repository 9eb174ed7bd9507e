package org.taskhost.driver.bacnet.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "taskhost BACnet/IP driver",
        description = "The driver's one UDP port for all BACnet devices, and defaults for devices that set none")
public @interface BacnetConfig {
    @AttributeDefinition(description = "Local UDP port of the client (BACnet/IP's own is 47808)")
    int local_port() default 47808;

    @AttributeDefinition(description = "Local address to bind, 0.0.0.0 for all interfaces")
    String bind_address() default "0.0.0.0";

    @AttributeDefinition(description = "Properties per ReadPropertyMultiple request when a device sets no max_per_request")
    int max_per_request() default 20;

    @AttributeDefinition(description = "Where discovery sends Who-Is when no address is given: host:port[,host:port...]")
    String discovery_address() default "255.255.255.255:47808";

    @AttributeDefinition(description = "SubscribeCOV lifetime in seconds when a device sets no cov_lifetime; renewed at half")
    int cov_lifetime() default 300;
}
