package org.taskhost.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of PID {@code org.taskhost.runtime}; etc/org.taskhost.runtime.cfg maps TASKHOST_PREFIX (IOCMNG_PREFIX),
 * TASKHOST_BEAMLINE (BEAMLINE), TASKHOST_NAMESPACE (NAMESPACE) and TASKHOST_LOG_LEVEL (IOCMNG_LOG_LEVEL) into it.
 */
@ObjectClassDefinition(name = "taskhost runtime", description = "PV naming and logging")
public @interface RuntimeConfig {

    @AttributeDefinition(required = false, description = "PV prefix; empty means BEAMLINE:NAMESPACE (TASKHOST_PREFIX, IOCMNG_PREFIX)")
    String prefix() default "";

    @AttributeDefinition(required = false, description = "First prefix segment when no prefix is set (TASKHOST_BEAMLINE, BEAMLINE)")
    String beamline() default "BEAMLINE";

    @AttributeDefinition(required = false, description = "Second prefix segment; dropped when equal to the beamline (TASKHOST_NAMESPACE, NAMESPACE)")
    String namespace() default "DEFAULT";

    @AttributeDefinition(required = false, description = "The lowest level printed; anything else is info (TASKHOST_LOG_LEVEL, IOCMNG_LOG_LEVEL)",
            options = {@Option(value = "trace"), @Option(value = "debug"), @Option(value = "info"), @Option(value = "warn"),
                @Option(value = "error")})
    String logLevel() default "info";
}
