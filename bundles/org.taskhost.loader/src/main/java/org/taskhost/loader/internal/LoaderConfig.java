package org.taskhost.loader.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of PID {@code org.taskhost.loader}; etc/org.taskhost.loader.cfg maps TASKHOST_SAMPLES and the
 * framework property taskhost.samples.dir into it. Plugins are kept in the data directory (taskhost.data).
 */
@ObjectClassDefinition(name = "taskhost loader", description = "How long a clone may take, and the sample plugins")
public @interface LoaderConfig {

    @AttributeDefinition(required = false, min = "1", description = "Seconds a git clone may take")
    int cloneTimeout() default 120;

    @AttributeDefinition(required = false, description = "Folder of sample plugins added at the first start; empty: none")
    String samplesDir() default "";

    @AttributeDefinition(required = false, description = "false: the sample plugins are not added at the first start (TASKHOST_SAMPLES)",
            options = {@Option(value = "true"), @Option(value = "false")})
    String samples() default "true";
}
