package org.taskhost.loader.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.taskhost.loader}. */
@ObjectClassDefinition(name = "taskhost loader", description = "Where plugins are kept and how long a clone may take")
public @interface LoaderConfig {

    @AttributeDefinition(description = "Data directory; empty means env TASKHOST_DATA, else ./data")
    String dataDir() default "";

    @AttributeDefinition(description = "Seconds a git clone may take")
    int cloneTimeout() default 120;

    @AttributeDefinition(description = "Folder of sample plugins added at the first start; empty means framework property taskhost.samples.dir. Env TASKHOST_SAMPLES=false skips them.")
    String samplesDir() default "";
}
