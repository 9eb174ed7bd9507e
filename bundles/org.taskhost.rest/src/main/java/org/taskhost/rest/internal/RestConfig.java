package org.taskhost.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.taskhost.rest}. */
@ObjectClassDefinition(name = "taskhost REST API", description = "Tokens, roles and request limits")
public @interface RestConfig {

    @AttributeDefinition(description = "Data directory (for admin.token); empty means env TASKHOST_DATA, else ./data")
    String dataDir() default "";

    @AttributeDefinition(description = "Extra tokens as role:token (roles read, operate, deploy, admin), comma-separated; env TASKHOST_TOKENS adds more")
    String[] tokens() default {};

    @AttributeDefinition(description = "Answer GET requests without a token. Env TASKHOST_OPEN_READS wins.")
    boolean openReads() default false;

    @AttributeDefinition(description = "Largest request body in bytes (JSON); a larger one is answered 413")
    long maxBodyBytes() default 1L << 20;

    @AttributeDefinition(description = "Largest plugin jar upload in bytes (POST /plugins/upload/{name}); a larger one is answered 413")
    long maxJarBytes() default 64L << 20;
}
