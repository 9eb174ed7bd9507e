package org.taskhost.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Put on every Jakarta REST whiteboard resource of taskhost's API (beside {@code @JakartarsResource}): it sets
 * {@code osgi.jakartars.extension.select} to taskhost's authentication filter and request limits, so the whiteboard
 * serves the resource only while both are registered. A resource meant to be open ({@code /api/v1/health}) leaves it
 * out on purpose, and the REST integration tests name every such resource.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GuardedResource {

    /** The whiteboard name ({@code osgi.jakartars.name}) of the bearer-token authentication filter. */
    String AUTHENTICATION = "taskhost-auth";

    /** The whiteboard name of the filter that bounds request bodies. */
    String LIMITS = "taskhost-limits";

    /** Prefix of the property names: the Jakarta REST whiteboard's. */
    String PREFIX_ = "osgi.jakartars.";

    /**
     * @return the extensions the resource needs ({@code osgi.jakartars.extension.select}); keep the default
     */
    String[] extension_select() default {"(osgi.jakartars.name=" + AUTHENTICATION + ")", "(osgi.jakartars.name=" + LIMITS + ")"};
}
