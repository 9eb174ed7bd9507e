package org.taskhost.driver.ble.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "taskhost BLE driver", description = "BlueZ over D-Bus; see docs/ble.md")
@interface BleConfig {
    @AttributeDefinition(description = "D-Bus address of BlueZ's bus; empty: DBUS_SYSTEM_BUS_ADDRESS, else the system bus")
    String bus() default "";

    @AttributeDefinition(description = "Adapter used when a device names none (hci0, ...); empty: the first")
    String adapter() default "";

    @AttributeDefinition(description = "Seconds before the first reconnect attempt after a failed one; doubles each time")
    double backoffInitial() default 0.5;

    @AttributeDefinition(description = "Longest wait between reconnect attempts, in seconds")
    double backoffMax() default 30;
}
