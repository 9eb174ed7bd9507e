package org.taskhost.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of PID {@code org.taskhost.rest}; etc/org.taskhost.rest.cfg maps TASKHOST_TOKENS and
 * TASKHOST_OPEN_READS into it. The admin token is in the data directory (the framework property taskhost.data).
 */
@ObjectClassDefinition(name = "taskhost REST API", description = "Tokens, roles and request limits")
public @interface RestConfig {

    @AttributeDefinition(required = false, cardinality = Integer.MAX_VALUE, description = "Bearer tokens as role:token (roles read,"
            + " operate, deploy, admin)")
    String[] tokens() default {};

    /** Kept apart from tokens so that a malformed entry is named by where it was written. */
    @AttributeDefinition(required = false, cardinality = Integer.MAX_VALUE, description = "More tokens, from TASKHOST_TOKENS")
    String[] tokensFromEnvironment() default {};

    @AttributeDefinition(required = false, description = "Answer GET requests without a token (TASKHOST_OPEN_READS);"
            + " anything but true keeps reads closed", options = {@Option(value = "false"), @Option(value = "true")})
    String openReads() default "false";

    @AttributeDefinition(required = false, min = "0", description = "Largest request body in bytes (JSON); a larger one is answered 413")
    long maxBodyBytes() default 1L << 20;

    @AttributeDefinition(required = false, min = "0", description = "Largest plugin jar upload in bytes (POST /plugins/upload/{name}); a larger one is answered 413")
    long maxJarBytes() default 64L << 20;
}
