package org.taskhost.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.taskhost.runtime} (for example {@code etc/org.taskhost.runtime.cfg}). */
@ObjectClassDefinition(name = "taskhost runtime", description = "PV naming, sample plugins and logging")
public @interface RuntimeConfig {

    @AttributeDefinition(description = "PV prefix; empty means BEAMLINE:NAMESPACE. Env TASKHOST_PREFIX or IOCMNG_PREFIX wins.")
    String prefix() default "";

    @AttributeDefinition(description = "First prefix segment when no prefix is set")
    String beamline() default "BEAMLINE";

    @AttributeDefinition(description = "Second prefix segment; dropped when equal to the beamline")
    String namespace() default "DEFAULT";

    @AttributeDefinition(description = "trace, debug, info, warn or error. Env TASKHOST_LOG_LEVEL wins.")
    String logLevel() default "info";
}
