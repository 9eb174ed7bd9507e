package org.taskhost.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.taskhost.rest}. */
@ObjectClassDefinition(name = "taskhost REST API", description = "Tokens and roles")
public @interface RestConfig {

    @AttributeDefinition(description = "Data directory (for admin.token); empty means env TASKHOST_DATA, else ./data")
    String dataDir() default "";

    @AttributeDefinition(description = "Extra tokens as role:token (roles read, operate, deploy, admin); env TASKHOST_TOKENS adds more")
    String[] tokens() default {};

    @AttributeDefinition(description = "Answer GET requests without a token. Env TASKHOST_OPEN_READS wins.")
    boolean openReads() default false;
}
