package org.taskhost.devices.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The devices bundle's own settings (PID {@code org.taskhost.devices}). */
@ObjectClassDefinition(name = "taskhost devices", description = "Polling of devices and the point cache")
public @interface DevicesConfig {

    @AttributeDefinition(description = "How many values the history of each point keeps")
    int historySize() default 100;
}
